import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import { decodeUploader, type Uploader } from '../schemas/uploader.js';

export type UploaderReading =
  | { ok: true; uploader: Uploader | undefined }
  | { ok: false; problem: Diagnostic };

/**
 * Who may put a file where. A portal upload carries its uploader (pinned by the signed policy):
 * a commune writes only into its own unit folder of its province, staff only into their
 * province. A file without one was written with AWS credentials (the Department's tools).
 */
export function checkUploader(
  metadataValue: string | undefined,
  folder: { provinceCode: string; unitCode: string },
): UploaderReading {
  if (metadataValue === undefined) return { ok: true, uploader: undefined };
  const uploader = decodeUploader(metadataValue);
  const refuse = (message: string) => ({
    ok: false as const,
    problem: diag.error('uploadedBy', message, 'uploader.notAllowed'),
  });
  if (!uploader) return refuse('Không xác định được người nộp tệp; vui lòng nộp lại qua cổng.');
  if (uploader.provinceCode !== folder.provinceCode)
    return refuse(
      `Tài khoản của tỉnh ${uploader.provinceCode} không được nộp báo cáo vào thư mục của tỉnh ${folder.provinceCode}.`,
    );
  if (uploader.role === 'commune' && uploader.unitCode !== folder.unitCode)
    return refuse(
      `Tài khoản của đơn vị ${uploader.unitCode ?? '?'} không được nộp báo cáo thay đơn vị ${folder.unitCode}; ` +
        'mỗi đơn vị chỉ nộp vào trang của mình.',
    );
  return { ok: true, uploader };
}

/** A JSON report skips the reader: only the Department may send one. */
export function jsonReportProblem(uploader: Uploader | undefined): Diagnostic | null {
  if (!uploader || uploader.role === 'staff') return null;
  return diag.error(
    'file',
    'Đơn vị không được nộp báo cáo dạng JSON; vui lòng nộp tệp DOCX, PDF hoặc ảnh chụp văn bản đã ký.',
    'uploader.jsonNotAllowed',
  );
}
