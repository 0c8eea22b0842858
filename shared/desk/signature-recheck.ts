// When the trust list changes, the files already received are verified again: only whether each
// signature chains to the list can change (integrity, coverage and signer do not depend on it),
// so only that and the notes it gives are rewritten; the status stays as it was decided.
import { formatOf } from '../files/read-file.js';
import { checkSignatures } from '../ingest/signature-rules.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { RoundStore } from '../ports/round-store.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import type { UnitStore } from '../ports/unit-store.js';
import { provinceRounds } from '../rounds/rounds.js';
import type { Diagnostic } from '../schemas/diagnostic.js';
import type { Signature } from '../schemas/signature.js';
import type { Submission } from '../schemas/submission.js';
import { UnitRegistry } from '../units/registry.js';

/** Files verified again in one action; the rest wait for "Kiểm tra lại" (a desk request is short). */
export const MAX_RECHECK = 300;

export interface Recheck {
  /** Signed files verified again. */
  checked: number;
  /** Of those, files whose trust result changed. */
  changed: number;
  /** Signed files not reached in this action. */
  left: number;
}

export interface RecheckDeps {
  rounds: Pick<RoundStore, 'list'>;
  submissions: SubmissionStore;
  objects: Pick<ObjectStore, 'get'>;
  units: Pick<UnitStore, 'list'>;
  now: () => Date;
}

const isSignatureNote = (d: Diagnostic) => d.code?.startsWith('signature.') ?? false;

/** The diagnostics with the signature notes replaced where the old ones stood. */
export function withSignatureNotes(old: Diagnostic[], notes: Diagnostic[]): Diagnostic[] {
  const at = old.findIndex(isSignatureNote);
  const rest = old.filter((d) => !isSignatureNote(d));
  const from = at < 0 ? rest.length : old.slice(0, at).filter((d) => !isSignatureNote(d)).length;
  return [...rest.slice(0, from), ...notes, ...rest.slice(from)];
}

async function signedFiles(provinceCode: string, deps: RecheckDeps): Promise<Submission[]> {
  const rounds = await provinceRounds(deps.rounds, provinceCode, deps.now());
  const out: Submission[] = [];
  for (const r of rounds)
    for (const s of await deps.submissions.listRound(provinceCode, r.roundId))
      if (s.report?.signatures?.length && s.unitCode !== '_') out.push(s);
  return out.sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
}

/** The stored signatures with the chain result of the list as it is now; null when they differ. */
async function rechained(s: Submission, trust: readonly Uint8Array[], deps: RecheckDeps) {
  const old = s.report?.signatures ?? [];
  const { bytes } = await deps.objects.get(s.file.key, s.file.versionId);
  // pkijs and the PDF verifier load with the first recheck, not with the portal that offers it.
  const { fileSignatures } = await import('../files/signatures/file-signatures.js');
  const fresh = await fileSignatures(s.file.format, bytes, trust, formatOf);
  if (fresh.length !== old.length) return null;
  return old.map((o, i): Signature => ({ ...o, chainsToTrustList: fresh[i]!.chainsToTrustList }));
}

/** Verifies again the signed files of the province's rounds, newest first, at most MAX_RECHECK. */
export async function recheckSignatures(
  provinceCode: string,
  trust: readonly Uint8Array[],
  deps: RecheckDeps,
): Promise<Recheck> {
  const files = await signedFiles(provinceCode, deps);
  const registry = new UnitRegistry(await deps.units.list(provinceCode));
  const result: Recheck = { checked: 0, changed: 0, left: Math.max(0, files.length - MAX_RECHECK) };
  for (const s of files.slice(0, MAX_RECHECK)) {
    const unit = registry.byCode(s.unitCode);
    // A file the bucket no longer gives (or cannot be read again) keeps what ingest found.
    const signatures = unit && s.report ? await rechained(s, trust, deps).catch(() => null) : null;
    if (!signatures || !unit || !s.report) continue;
    result.checked++;
    const before = s.report.signatures ?? [];
    if (signatures.every((x, i) => x.chainsToTrustList === before[i]?.chainsToTrustList)) continue;
    const notes = checkSignatures({ ...s.report, signatures }, unit, registry).diagnostics;
    const diagnostics = withSignatureNotes(s.diagnostics, notes);
    if (await deps.submissions.updateSignatures(s, { signatures, diagnostics })) result.changed++;
  }
  return result;
}
