import { createHash } from 'node:crypto';
import type { ConfirmationStore } from '../../shared/ports/confirmation-store.js';
import type { ObjectStore } from '../../shared/ports/object-store.js';
import type {
  NewSubmission,
  RecordResult,
  ReviewChange,
  SubmissionRef,
  SubmissionStore,
} from '../../shared/ports/submission-store.js';
import { Confirmation, SignCheck } from '../../shared/schemas/confirmation.js';
import type { Diagnostic } from '../../shared/schemas/diagnostic.js';
import type { Signature } from '../../shared/schemas/signature.js';
import type { Submission } from '../../shared/schemas/submission.js';

/** Ports in memory, for domain tests that need no AWS wire protocol. */
export class MemoryObjects implements ObjectStore {
  readonly files = new Map<string, Uint8Array>();
  gets = 0;
  async get(key: string) {
    this.gets++;
    const bytes = this.files.get(key);
    if (!bytes) throw new Error(`no object ${key}`);
    return { bytes, versionId: null };
  }
  async put(key: string, bytes: Uint8Array) {
    this.files.set(key, bytes);
    return { versionId: null };
  }
  async head(key: string) {
    const bytes = this.files.get(key);
    return bytes ? { eTag: createHash('md5').update(bytes).digest('hex'), versionId: null } : null;
  }
  async list(prefix: string) {
    return [...this.files.keys()]
      .filter((k) => k.startsWith(prefix))
      .sort()
      .map((key) => ({ key, size: this.files.get(key)!.length, lastModified: null }));
  }
  async link(key: string, opts: { expiresInSeconds: number }) {
    return {
      url: `memory://${key}?expires=${opts.expiresInSeconds}`,
      expiresAt: new Date(Date.now() + opts.expiresInSeconds * 1000),
    };
  }
}

export class MemorySubmissions implements SubmissionStore {
  readonly all: Submission[] = [];
  async record(s: NewSubmission): Promise<RecordResult> {
    const same = this.all.find(
      (x) =>
        x.submissionId === s.submissionId &&
        x.provinceCode === s.provinceCode &&
        x.roundId === s.roundId,
    );
    if (same?.status === 'ocr_pending' && s.status !== 'ocr_pending') {
      const settled = { ...s, version: same.version };
      this.all[this.all.indexOf(same)] = settled;
      return { created: true, submission: settled };
    }
    if (same) return { created: false, submission: same };
    const version =
      this.all.filter(
        (x) =>
          x.provinceCode === s.provinceCode && x.roundId === s.roundId && x.unitCode === s.unitCode,
      ).length + 1;
    const submission = { ...s, version };
    this.all.push(submission);
    return { created: true, submission };
  }
  async listRound(provinceCode: string, roundId: string) {
    return this.all.filter((x) => x.provinceCode === provinceCode && x.roundId === roundId);
  }
  async unitHistory(unitCode: string) {
    return this.all.filter((x) => x.unitCode === unitCode);
  }
  private index(ref: SubmissionRef): number {
    return this.all.findIndex(
      (x) =>
        x.submissionId === ref.submissionId &&
        x.provinceCode === ref.provinceCode &&
        x.roundId === ref.roundId &&
        x.unitCode === ref.unitCode,
    );
  }
  async get(ref: SubmissionRef) {
    return this.all[this.index(ref)] ?? null;
  }
  async applyReview(ref: SubmissionRef, change: ReviewChange) {
    const i = this.index(ref);
    const s = this.all[i];
    if (!s || s.status !== change.seen.status) return null;
    if ((s.audit?.length ?? 0) !== change.seen.decisions) return null;
    const next = { ...s, status: change.status, audit: [...(s.audit ?? []), change.entry] };
    this.all[i] = next;
    return next;
  }
  async updateSignatures(
    ref: SubmissionRef,
    change: { signatures: Signature[]; diagnostics: Diagnostic[] },
  ) {
    const i = this.index(ref);
    const s = this.all[i];
    if (!s?.report) return false;
    this.all[i] = {
      ...s,
      report: { ...s.report, signatures: change.signatures },
      diagnostics: change.diagnostics,
    };
    return true;
  }
}

/** Confirmations and pre-sign checks in memory, oldest first as the table lists them. */
export class MemoryConfirmations implements ConfirmationStore {
  readonly confirmations: Confirmation[] = [];
  readonly checks: SignCheck[] = [];
  async putConfirmation(c: Confirmation) {
    this.confirmations.push(Confirmation.parse(c));
  }
  async listConfirmations(provinceCode: string, roundId: string) {
    return this.confirmations.filter(
      (c) => c.provinceCode === provinceCode && c.roundId === roundId,
    );
  }
  async putCheck(c: SignCheck) {
    this.checks.push(SignCheck.parse(c));
  }
  async listChecks(provinceCode: string, roundId: string) {
    return this.checks.filter((c) => c.provinceCode === provinceCode && c.roundId === roundId);
  }
}
