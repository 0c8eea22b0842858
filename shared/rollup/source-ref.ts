import type { SourceRef } from '../schemas/rollup.js';
import type { Submission } from '../schemas/submission.js';

/** Where a figure or quote came from: the unit's file and the version tonghop gave it. */
export function sourceOf(s: Submission): SourceRef {
  return {
    submissionId: s.submissionId,
    unitCode: s.unitCode,
    version: s.version,
    fileKey: s.file.key,
    fileVersionId: s.file.versionId,
    fileName: s.file.name,
    uploadedAt: s.uploadedAt,
  };
}
