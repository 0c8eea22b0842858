import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoSubmissionStore } from '../../adapters/dynamo-submission-store.js';
import type { LocalStack } from '../../local/stack.js';
import type { AuditEntry } from '../../shared/schemas/audit.js';
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
