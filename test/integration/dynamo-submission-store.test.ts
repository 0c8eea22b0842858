import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoSubmissionStore } from '../../adapters/dynamo-submission-store.js';
import type { LocalStack } from '../../local/stack.js';
import { rollupView } from '../../shared/rollup/rollup-view.js';
import type { AuditEntry } from '../../shared/schemas/audit.js';
import { RollupView } from '../../shared/schemas/rollup-view.js';
import type { Signature } from '../../shared/schemas/signature.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { registry, submissionOf } from '../helpers/rollup-fixtures.js';
import { startTestStack } from '../helpers/stack.js';

// The submission store on dynalite, the table the CDK stack creates.

let stack: LocalStack;
let store: DynamoSubmissionStore;
beforeAll(async () => {
  stack = await startTestStack(['40']);
  store = new DynamoSubmissionStore(dynamoDocumentClient(), stack.table);
});
afterAll(() => stack.stop());

const entry = (
  action: AuditEntry['action'],
  from: AuditEntry['from'],
  to: AuditEntry['to'],
): AuditEntry => ({
  action,
  by: { sub: 's', email: 'canbo@so.example' },
  at: '2026-06-12T02:00:00.000Z',
  reason: 'Thiếu chữ ký.',
  from,
  to,
});

describe('DynamoDB submission store: review decisions', () => {
  it('writes the status and the audit entry together, only onto the state the reviewer saw', async () => {
    const { submission: s } = await store.record({
      submissionId: 'rev-1',
      provinceCode: '40',
      roundId: '2026-H1',
      unitCode: '16681',
      status: 'needs_review',
      diagnostics: [],
      file: {
        bucket: 'b',
        key: 'k',
        versionId: null,
        name: 'a.pdf',
        size: 1,
        sha256: null,
        format: 'pdf',
      },
      uploadedAt: '2026-06-01T00:00:00.000Z',
      processedAt: '2026-06-01T00:00:01.000Z',
      report: null,
    });
    expect(await store.get({ ...s, submissionId: 'nope' })).toBeNull();
    const first = await store.applyReview(s, {
      status: 'accepted',
      entry: entry('approve', 'needs_review', 'accepted'),
      seen: { status: 'needs_review', decisions: 0 },
    });
    expect(first).toMatchObject({ status: 'accepted', audit: [{ action: 'approve' }] });
    // A second reviewer who saw the old state loses, whatever they decided.
    const stale = await store.applyReview(s, {
      status: 'returned',
      entry: entry('return', 'needs_review', 'returned'),
      seen: { status: 'needs_review', decisions: 0 },
    });
    expect(stale).toBeNull();
    const second = await store.applyReview(s, {
      status: 'returned',
      entry: entry('return', 'accepted', 'returned'),
      seen: { status: 'accepted', decisions: 1 },
    });
    expect(second?.audit?.map((a) => a.action)).toEqual(['approve', 'return']);
    expect(await store.get(s)).toEqual(second);
    const missing = await store.applyReview(
      { ...s, submissionId: 'nope' },
      {
        status: 'accepted',
        entry: entry('approve', 'needs_review', 'accepted'),
        seen: { status: 'needs_review', decisions: 0 },
      },
    );
    expect(missing).toBeNull();
    expect(
      (await store.listRound('40', '2026-H1')).find((x) => x.submissionId === 'rev-1')?.status,
    ).toBe('returned');
  });
});

describe('DynamoDB submission store: version numbers', () => {
  it('reuses the version number taken by a write that crashed before storing its record', async () => {
    const s = {
      submissionId: 'crash-test-1',
      provinceCode: '40',
      roundId: '2026-CRASH',
      unitCode: '16941',
      status: 'accepted' as const,
      report: null,
      diagnostics: [],
      file: {
        bucket: 'b',
        key: 'k',
        versionId: null,
        name: 'k',
        size: 1,
        sha256: null,
        format: 'txt' as const,
      },
      uploadedAt: '2026-06-08T02:00:00.000Z',
      processedAt: '2026-06-08T02:00:01.000Z',
    };
    // The first attempt took number 1 and then the Lambda died.
    await dynamoDocumentClient().send(
      new UpdateCommand({
        TableName: stack.table,
        Key: { PK: 'ROUND#40#2026-CRASH', SK: 'COUNTER#16941' },
        UpdateExpression: 'SET n = :one, ids = :ids',
        ExpressionAttributeValues: { ':one': 1, ':ids': [s.submissionId] },
      }),
    );
    const retried = await store.record(s);
    const again = await store.record(s);
    const next = await store.record({ ...s, submissionId: 'crash-test-2' });
    expect([retried.created, retried.submission.version]).toEqual([true, 1]);
    expect([again.created, again.submission.version]).toEqual([false, 1]);
    expect(next.submission.version).toBe(2);
    expect(
      (await store.unitHistory('16941'))
        .filter((x) => x.roundId === '2026-CRASH')
        .map((x) => x.version),
    ).toEqual([1, 2]);
  });
});

const signature = (signer: string, chains: boolean): Signature => ({
  signer,
  organization: 'UBND XÃ DIỄN CHÂU',
  signedAt: '2026-06-05T02:00:00.000Z',
  signedAtSource: 'cms',
  valid: true,
  coversWholeDocument: true,
  changedAfter: false,
  chainsToTrustList: chains,
  problem: null,
});

/** A submission with a read report: two points and a figure, as ingest stores it. */
function readSubmission(submissionId: string, roundId: string): Submission {
  const unit = registry.byCode('16941')!;
  const s = submissionOf(unit, {
    difficulties: ['Thiếu kinh phí mua sắm thiết bị.', 'Cán bộ kiêm nhiệm nhiều việc.'],
  });
  const report = { ...s.report!, signatures: [signature('Nguyễn Văn A', false)] };
  return { ...s, submissionId, roundId, report };
}

const rawItem = async (s: Submission) =>
  (
    await dynamoDocumentClient().send(
      new GetCommand({
        TableName: stack.table,
        Key: { PK: `ROUND#40#${s.roundId}`, SK: `SUB#${s.unitCode}#${s.submissionId}` },
      }),
    )
  ).Item!;

/** The item as a store of before wrote it: the view as a nested map, or no view at all. */
async function putOldShape(s: Submission, view: 'map' | 'none') {
  const { version: _v, ...rest } = s;
  await dynamoDocumentClient().send(
    new PutCommand({
      TableName: stack.table,
      Item: {
        PK: `ROUND#40#${s.roundId}`,
        SK: `SUB#${s.unitCode}#${s.submissionId}`,
        GSI1PK: `UNIT#${s.unitCode}`,
        GSI1SK: `${s.uploadedAt}#${s.submissionId}`,
        type: 'submission',
        ...rest,
        version: 1,
        ...(view === 'map' ? { view: rollupView(s.report!) } : {}),
      },
    }),
  );
}

const viewOf = async (s: Submission) =>
  (await store.listRoundViews('40', s.roundId)).find((x) => x.submissionId === s.submissionId)!
    .view;

describe('DynamoDB submission store: the rollup view', () => {
  it('stores the view as one JSON string and reads back exactly the view of the report', async () => {
    const s = readSubmission('view-1', '2026-VIEW1');
    await store.record(s);
    const item = await rawItem(s);
    expect(typeof item.view).toBe('string');
    expect(await viewOf(s)).toEqual(RollupView.parse(rollupView(s.report!)));
  });

  it('reads a view stored as a nested map (before) the same as one stored as a string', async () => {
    const a = readSubmission('view-2a', '2026-VIEW2');
    const b = { ...readSubmission('view-2b', '2026-VIEW2'), unitCode: '16942' };
    await store.record(a);
    await putOldShape(b, 'map');
    expect(typeof (await rawItem(b)).view).toBe('object');
    const views = await store.listRoundViews('40', '2026-VIEW2');
    expect(views.map((v) => v.view)).toEqual([rollupView(a.report!), rollupView(b.report!)]);
  });

  it('names the field when a stored view string is not a view', async () => {
    const s = readSubmission('view-3', '2026-VIEW3');
    await store.record(s);
    await dynamoDocumentClient().send(
      new UpdateCommand({
        TableName: stack.table,
        Key: { PK: 'ROUND#40#2026-VIEW3', SK: `SUB#${s.unitCode}#${s.submissionId}` },
        UpdateExpression: 'SET #v = :v',
        ExpressionAttributeNames: { '#v': 'view' },
        ExpressionAttributeValues: { ':v': '{"documentType": "BAO_CAO", "indicators": 7' },
      }),
    );
    await expect(store.listRoundViews('40', '2026-VIEW3')).rejects.toThrow(/view/);
  });
});

describe('DynamoDB submission store: signatures verified again', () => {
  const after = [signature('Nguyễn Văn A', true)];
  const diagnostics = [
    { level: 'warning' as const, field: 'signature', message: 'Chữ ký số chưa được tin cậy.' },
  ];

  it('rewrites a string view whole: its signatures change, its other content stays', async () => {
    const s = readSubmission('sig-1', '2026-SIG1');
    await store.record(s);
    expect(await store.updateSignatures(s, { signatures: after, diagnostics })).toBe(true);
    expect(typeof (await rawItem(s)).view).toBe('string');
    expect(await viewOf(s)).toEqual({ ...rollupView(s.report!), signatures: after });
    const full = await store.get(s);
    expect([full?.report?.signatures, full?.diagnostics]).toEqual([after, diagnostics]);
  });

  it('sets the signatures in place in a view stored as a map, and leaves an item without one', async () => {
    const old = readSubmission('sig-2a', '2026-SIG2');
    const none = { ...readSubmission('sig-2b', '2026-SIG2'), unitCode: '16942' };
    await putOldShape(old, 'map');
    await putOldShape(none, 'none');
    for (const s of [old, none])
      expect(await store.updateSignatures(s, { signatures: after, diagnostics })).toBe(true);
    expect((await rawItem(old)).view).toEqual({ ...rollupView(old.report!), signatures: after });
    expect('view' in (await rawItem(none))).toBe(false);
    expect((await store.get(none))?.report?.signatures).toEqual(after);
  });

  it('is false for a submission without a report or gone', async () => {
    const s = { ...readSubmission('sig-3', '2026-SIG3'), report: null };
    await store.record(s);
    expect(await store.updateSignatures(s, { signatures: after, diagnostics })).toBe(false);
    const gone = { ...s, submissionId: 'sig-3-gone' };
    expect(await store.updateSignatures(gone, { signatures: after, diagnostics })).toBe(false);
  });

  it('never writes back a view read before another write changed it: it reads again', async () => {
    const s = readSubmission('sig-4', '2026-SIG4');
    await store.record(s);
    const db = dynamoDocumentClient();
    // Another write (a settled OCR reading, say) changes the view between the read and the write.
    const changed = { ...rollupView(s.report!), title: 'Báo cáo đã đọc lại' };
    let raced = false;
    const racing = new DynamoSubmissionStore(
      {
        send: async (command: unknown) => {
          if (command instanceof UpdateCommand && !raced) {
            raced = true;
            await db.send(
              new UpdateCommand({
                TableName: stack.table,
                Key: { PK: 'ROUND#40#2026-SIG4', SK: `SUB#${s.unitCode}#${s.submissionId}` },
                UpdateExpression: 'SET #v = :v',
                ExpressionAttributeNames: { '#v': 'view' },
                ExpressionAttributeValues: { ':v': JSON.stringify(changed) },
              }),
            );
          }
          return db.send(command as UpdateCommand);
        },
      } as unknown as DynamoDBDocumentClient,
      stack.table,
    );
    expect(await racing.updateSignatures(s, { signatures: after, diagnostics })).toBe(true);
    expect(raced).toBe(true);
    expect(await viewOf(s)).toEqual({ ...changed, signatures: after });
  });
});
