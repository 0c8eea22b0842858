import type { Diagnostic } from '../schemas/diagnostic.js';
import { MAX_TEXT_CHARS } from './limits.js';

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

export const textTooLong = (chars: number) =>
  fileProblem(
    'rejected',
    'file',
    'file.textTooLong',
    `Tệp có hơn ${MAX_TEXT_CHARS.toLocaleString('vi-VN')} ký tự, quá dài đối ` +
      `với một báo cáo; vui lòng gửi riêng bản báo cáo, không kèm dữ liệu thô.`,
    `text of ${chars} characters`,
  );
