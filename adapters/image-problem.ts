import { fileProblem } from '../shared/files/file-problem.js';

// What Leptonica's readers report for bytes they cannot decode (a PNG cut short, a JPEG without
// scan data, a TIFF whose directories loop): the file's fault, the same on every retry.
const UNREADABLE = /attempting to read image|pixRead|read error|corrupt|premature end|tiff/i;

/** A decoder's refusal as the file's problem, with a reason the commune can act on; else null. */
export function decoderProblem(e: unknown, page: number): Error | null {
  const message = String((e as Error)?.message ?? e);
  return UNREADABLE.test(message) ? damagedImage(page, message) : null;
}

/** A page image no decoder can read (cut short, no scan data, looping directories): the file's problem. */
export function damagedImage(page: number, message: string): Error {
  return fileProblem(
    'rejected',
    'file',
    'file.imageDamaged',
    `Ảnh trang ${page} bị hỏng hoặc chưa được lưu trọn vẹn nên không đọc được; ` +
      'vui lòng chụp hoặc quét lại rồi gửi.',
    `OCR decoder: ${message.slice(0, 200)}`,
  );
}
