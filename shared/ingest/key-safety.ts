// S3 keeps an object key as it is written: "a/../b" is a key of three segments, not "b". A store
// that maps keys to files (the embedded stack's S3, a download to disk) must never let a key
// name a path outside its folder, whatever way the dots are spelled. A key is refused when any
// of its spellings, after up to three rounds of percent-decoding, has a "." or ".." segment, a
// backslash (a separator on Windows, and in zip entries), a leading "/", or a control character
// (NUL cuts a path short in C APIs).

const MAX_DECODES = 3;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function spellings(key: string): string[] {
  const out = [key];
  let current = key;
  for (let i = 0; i < MAX_DECODES; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      break;
    }
    if (decoded === current) break;
    out.push(decoded);
    current = decoded;
  }
  return out;
}

/** Why `key` cannot be stored as a path (English, for logs and S3 errors), or null if it can. */
export function unsafeKeyReason(key: string): string | null {
  if (!key) return 'empty key';
  for (const k of spellings(key)) {
    if (CONTROL.test(k)) return 'control character in key';
    if (k.includes('\\')) return 'backslash in key';
    if (k.startsWith('/')) return 'absolute key';
    if (k.split('/').some((s) => s === '.' || s === '..')) return 'dot segment in key';
  }
  return null;
}
