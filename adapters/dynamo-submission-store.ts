import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { boundDiagnostics } from '../shared/ingest/storage-bounds.js';
import type {
  NewSubmission,
  RecordResult,
  ReviewChange,
  SubmissionRef,
  SubmissionStore,
} from '../shared/ports/submission-store.js';
import { toRollupSubmission } from '../shared/rollup/rollup-view.js';
import type { Diagnostic } from '../shared/schemas/diagnostic.js';
import type { RollupSubmission } from '../shared/schemas/rollup-view.js';
import type { Signature } from '../shared/schemas/signature.js';
import { Submission } from '../shared/schemas/submission.js';
import { queryItems, withoutKeys } from './query-items.js';
import { rollupSubmissionOf, storedView, viewUpdate } from './stored-view.js';
import { counterSk, roundPk, submissionSk, TABLE_KEYS, unitHistoryPk } from './table-keys.js';

/** Tries of a signature update whose view another write changed between its read and its write. */
const SIGNATURE_TRIES = 3;

const strip = (item: Record<string, unknown>) => Submission.parse(withoutKeys(item));

/** A submission as the table holds it: by round and unit, and in the unit's history index. */
const itemOf = (s: Submission) => ({
  [TABLE_KEYS.pk]: roundPk(s.provinceCode, s.roundId),
  [TABLE_KEYS.sk]: submissionSk(s.unitCode, s.submissionId),
  [TABLE_KEYS.gsi1pk]: unitHistoryPk(s.unitCode),
  [TABLE_KEYS.gsi1sk]: `${s.uploadedAt}#${s.submissionId}`,
  type: 'submission',
  ...s,
  // What the rollup reads (the ROLLUP index projects it, not the report), as one JSON string.
  view: storedView(s),
});

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private async getItem(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { PK: pk, SK: sk }, ConsistentRead: true }),
    );
    return Item;
  }

  private async read(s: SubmissionRef): Promise<Submission | undefined> {
    const item = await this.getItem(
      roundPk(s.provinceCode, s.roundId),
      submissionSk(s.unitCode, s.submissionId),
    );
    return item ? strip(item) : undefined;
  }

  /**
   * The unit's next version number, taken once per submission id. The counter remembers which
   * ids took which number (`ids[n - 1]`), so a retry after a crash between the two writes reuses
   * its number: versions stay unique and gap-free per unit and round without transactions
   * (dynalite has none), and the usual path is this one call.
   */
  private async takeVersion(pk: string, s: NewSubmission): Promise<number> {
    try {
      const res = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: pk, SK: counterSk(s.unitCode) },
          UpdateExpression:
            'SET n = if_not_exists(n, :zero) + :one, ids = list_append(if_not_exists(ids, :none), :sid)',
          ConditionExpression: 'attribute_not_exists(ids) OR NOT contains(ids, :id)',
          ExpressionAttributeValues: {
            ':zero': 0,
            ':one': 1,
            ':none': [],
            ':sid': [s.submissionId],
            ':id': s.submissionId,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(res.Attributes?.n);
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      const counter = await this.getItem(pk, counterSk(s.unitCode));
      const ids = (counter?.ids ?? []) as string[];
      return ids.indexOf(s.submissionId) + 1;
    }
  }

  /** Two calls: the version number, then the record (never read back: it is what was written). */
  async record(s: NewSubmission): Promise<RecordResult> {
    const pk = roundPk(s.provinceCode, s.roundId);
    const version = await this.takeVersion(pk, s);
    const submission = Submission.parse({ ...s, version });
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: itemOf(submission),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { created: true, submission };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      // The same upload delivered again: what the first delivery stored stands.
      const again = await this.read(s);
      if (!again) throw e;
      if (again.status === 'ocr_pending' && s.status !== 'ocr_pending')
        return this.settle(again, s);
      return { created: false, submission: again };
    }
  }

  /**
   * A scan recorded `ocr_pending` gets its final reading in place, with the same version; only
   * once (the condition), however often the OCR run is retried.
   */
  private async settle(pending: Submission, s: NewSubmission): Promise<RecordResult> {
    const submission = Submission.parse({ ...s, version: pending.version });
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: itemOf(submission),
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'ocr_pending' },
        }),
      );
      return { created: true, submission };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      return { created: false, submission: (await this.read(s)) ?? pending };
    }
  }

  private async query(input: {
    index?: string;
    key: string;
    value: string;
    prefix?: string;
  }): Promise<Submission[]> {
    const items = await queryItems(this.db, {
      TableName: this.table,
      IndexName: input.index,
      KeyConditionExpression: input.prefix ? '#k = :v AND begins_with(#s, :p)' : '#k = :v',
      ExpressionAttributeNames: input.prefix
        ? { '#k': input.key, '#s': TABLE_KEYS.sk }
        : { '#k': input.key },
      ExpressionAttributeValues: input.prefix
        ? { ':v': input.value, ':p': input.prefix }
        : { ':v': input.value },
    });
    return items.map((item) => Submission.parse(item));
  }

  listRound(provinceCode: string, roundId: string): Promise<Submission[]> {
    return this.query({
      key: TABLE_KEYS.pk,
      value: roundPk(provinceCode, roundId),
      prefix: 'SUB#',
    });
  }

  /**
   * The round's submissions as the rollup reads them, from the ROLLUP index (metadata and
   * compact view, no report). A submission stored before views existed is read in full, once.
   */
  async listRoundViews(provinceCode: string, roundId: string): Promise<RollupSubmission[]> {
    const items = await queryItems(this.db, {
      TableName: this.table,
      IndexName: TABLE_KEYS.rollupIndex,
      KeyConditionExpression: '#k = :v AND begins_with(#s, :p)',
      ExpressionAttributeNames: { '#k': TABLE_KEYS.pk, '#s': TABLE_KEYS.sk },
      ExpressionAttributeValues: { ':v': roundPk(provinceCode, roundId), ':p': 'SUB#' },
    });
    const views = items.filter((i) => i.view !== undefined).map(rollupSubmissionOf);
    if (views.length === items.length) return views;
    const full = await this.listRound(provinceCode, roundId);
    return full.map(toRollupSubmission);
  }

  unitHistory(unitCode: string): Promise<Submission[]> {
    return this.query({
      index: TABLE_KEYS.gsi1,
      key: TABLE_KEYS.gsi1pk,
      value: unitHistoryPk(unitCode),
    });
  }

  async get(ref: SubmissionRef): Promise<Submission | null> {
    return (await this.read(ref)) ?? null;
  }

  /** One conditional update: the status and the audit list change together or not at all. */
  async applyReview(ref: SubmissionRef, change: ReviewChange): Promise<Submission | null> {
    const { seen } = change;
    try {
      const res = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: {
            PK: roundPk(ref.provinceCode, ref.roundId),
            SK: submissionSk(ref.unitCode, ref.submissionId),
          },
          UpdateExpression:
            'SET #status = :to, #audit = list_append(if_not_exists(#audit, :none), :entry)',
          ConditionExpression: `attribute_exists(PK) AND #status = :from AND ${
            seen.decisions === 0 ? 'attribute_not_exists(#audit)' : 'size(#audit) = :n'
          }`,
          ExpressionAttributeNames: { '#status': 'status', '#audit': 'audit' },
          ExpressionAttributeValues: {
            ':to': change.status,
            ':from': seen.status,
            ':none': [],
            ':entry': [change.entry],
            ...(seen.decisions === 0 ? {} : { ':n': seen.decisions }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip(res.Attributes ?? {});
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return null;
      throw e;
    }
  }

  /**
   * One conditional update of the report's signatures, the view's and the diagnostics. The view
   * is read first (a string view is rewritten whole); when it changed between the read and the
   * write, the update is tried again on what is stored then.
   */
  async updateSignatures(
    ref: SubmissionRef,
    change: { signatures: Signature[]; diagnostics: Diagnostic[] },
  ): Promise<boolean> {
    const pk = roundPk(ref.provinceCode, ref.roundId);
    const sk = submissionSk(ref.unitCode, ref.submissionId);
    for (let attempt = 0; attempt < SIGNATURE_TRIES; attempt++) {
      const item = await this.getItem(pk, sk);
      if (!item?.report || typeof item.report !== 'object') return false;
      const view = viewUpdate(item.view, change.signatures);
      try {
        await this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { PK: pk, SK: sk },
            UpdateExpression: `SET #report.#sig = :s, #diag = :d${view.set}`,
            ConditionExpression: `attribute_type(#report, :map) AND ${view.condition}`,
            ExpressionAttributeNames: {
              '#report': 'report',
              '#sig': 'signatures',
              '#diag': 'diagnostics',
              ...view.names,
            },
            ExpressionAttributeValues: {
              ':s': change.signatures,
              ':d': boundDiagnostics(change.diagnostics),
              ':map': 'M',
              ...view.values,
            },
          }),
        );
        return true;
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
      }
    }
    throw new Error(
      `updateSignatures ${ref.submissionId}: the stored view changed on each of ${SIGNATURE_TRIES} tries`,
    );
  }
}
