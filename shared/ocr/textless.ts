import { lettersOf } from '../files/decode-pdf.js';
import { fileProblem } from '../files/file-problem.js';
import { MIN_LETTERS_PER_PAGE } from '../files/limits.js';
import type { UploadContent } from './read-upload.js';

/**
 * A file with no text to read is refused with one plain reason, not read into a report whose
 * every field is "missing" (ten findings for one blank photo). Typed text with no letter at all;
 * a scan whose pages together gave OCR fewer letters than one page of text has (the same bound
 * that calls a PDF page a scan).
 */
export function refuseTextless(content: UploadContent): UploadContent {
  if (content.kind !== 'text') return content;
  const letters = lettersOf(content.text);
  if (content.scan && letters < MIN_LETTERS_PER_PAGE)
    throw fileProblem(
      'rejected',
      'file',
      'file.noText',
      'Không đọc được chữ nào trong ảnh: ảnh có thể trống, quá mờ hoặc chụp không đúng trang văn bản.',
      `scan with ${letters} letters`,
    );
  if (!content.scan && letters === 0)
    throw fileProblem(
      'rejected',
      'file',
      'file.noText',
      'Tệp không có chữ nào: có thể đã lưu nhầm tệp trống.',
      'text without letters',
    );
  return content;
}
