import type { Diagnostic } from '../schemas/diagnostic.js';

/**
 * A file that cannot be read for a reason that will not change on retry (damaged, encrypted,
 * wrong format). It is recorded, never retried.
 */
export class FileProblem extends Error {
  constructor(
    readonly status: 'rejected' | 'needs_review',
    readonly diagnostic: Diagnostic,
    logMessage: string,
  ) {
    super(logMessage);
    this.name = 'FileProblem';
  }
}

export const fileProblem = (
  status: 'rejected' | 'needs_review',
  field: string,
  code: string,
  message: string,
  log: string,
) =>
  new FileProblem(
    status,
    { level: status === 'rejected' ? 'error' : 'warning', field, message, code },
    log,
  );
