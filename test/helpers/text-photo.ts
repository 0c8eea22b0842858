import { jpegDeclaring } from '../../scripts/worst-files.js';

// Fake OCR engines "read" the text a test put in the photo. The photo is still a real JPEG
// header (1200 × 1600), so it passes the checks every page image goes through first.
const MARK = '#text#';

/** A photo of a page whose text is `text`. */
export const textPhoto = (text: string) =>
  Buffer.concat([jpegDeclaring(1200, 1600), Buffer.from(MARK + text)]);

/** The text a textPhoto carries (or the bytes as text, for anything else). */
export function photoText(image: Uint8Array): string {
  const decoded = new TextDecoder().decode(image);
  const at = decoded.indexOf(MARK);
  return at < 0 ? decoded : decoded.slice(at + MARK.length);
}
