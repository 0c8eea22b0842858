import type { Rollup, SourceRef } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import { signatureLine } from '../vocabulary/signature-words.js';

/** Where a figure or quote came from: the unit's file and the version tonghop gave it. */
export function sourceOf(s: RollupSubmission): SourceRef {
  return {
    submissionId: s.submissionId,
    unitCode: s.unitCode,
    version: s.version,
    fileKey: s.file.key,
    fileVersionId: s.file.versionId,
    fileName: s.file.name,
    uploadedAt: s.uploadedAt,
    ...(s.view?.signatures?.length ? { signatures: s.view.signatures.map(signatureLine) } : {}),
  };
}

/** The sources table: each submission a row, figure, quote or listed document names, once. */
export function sourcesOf(
  submissions: RollupSubmission[],
  named: Iterable<string | null>,
): Rollup['sources'] {
  const byId = new Map(submissions.map((s) => [s.submissionId, s]));
  const out: Rollup['sources'] = {};
  for (const id of named) {
    const s = id === null ? undefined : byId.get(id);
    if (s && !out[s.submissionId]) out[s.submissionId] = sourceOf(s);
  }
  return out;
}
