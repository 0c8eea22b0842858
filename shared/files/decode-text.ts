import { fileProblem } from './file-problem.js';

/**
 * Plain text in the encodings offices produce: UTF-8 (with or without BOM), UTF-16 with or
 * without BOM, and legacy single-byte files (TCVN3, VNI), which come out as Windows-1252
 * look-alikes for the reader's legacy-encoding repair.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const utf16 = start === 0 ? bomlessUtf16(body) : null;
  if (utf16 !== null) return utf16;
  if (looksBinary(body)) {
    throw fileProblem(
      'rejected',
      'file',
      'file.binary',
      'Tệp không phải là văn bản (có thể là tệp nhị phân hoặc bị hỏng).',
      'text file contains binary data',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

const SAMPLE_BYTES = 8192;

/**
 * UTF-16 saved without a byte-order mark (Notepad's "Unicode" from some tools, exports of old
 * systems). Its zero bytes form a pattern text in any 8-bit encoding never has: every ASCII
 * character (space, digit, punctuation, plain letter) has a zero high byte, so in UTF-16LE the
 * zeros fall on odd offsets and never on even ones (the reverse in UTF-16BE), while binary data
 * has zeros at both. Taken as UTF-16 only when the bytes decode strictly (no lone surrogate) to
 * text with no control characters beyond line breaks and tabs; otherwise null.
 */
function bomlessUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  const zeros = [0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 1]!++;
  const [even, odd] = zeros as [number, number];
  // At least one character in eight an ASCII one: spaces alone are more than that in prose.
  const units = n / 2;
  const order =
    even === 0 && odd * 8 >= units ? 'le' : odd === 0 && even * 8 >= units ? 'be' : null;
  if (!order || bytes.length % 2 !== 0) return null;
  let text: string;
  try {
    text = new TextDecoder(`utf-16${order}`, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return looksBinary(new TextEncoder().encode(text)) ? null : text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
