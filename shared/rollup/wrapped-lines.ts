/** What `\s` matches (the rule splits words at it), as character codes. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * How many lines `text` takes in a wrapped column `width` characters wide (Excel's width unit is
 * about one digit; words are not split, so a line holds a little less). Greedy, as the sheet
 * wraps: words in order, a word longer than a line cut into lines. One pass over the characters
 * (words counted in code points) where splitting made arrays: the quote sheets' long cells made
 * it a fifth of the country's workbook.
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.95) - 1);
  // No longer than a line (UTF-16 units are never fewer than characters): one line. Most cells.
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let n = 0;
  let lines = 1;
  let used = 0;
  let word = 0;
  const place = () => {
    for (let left = word; left > 0; left -= perLine) {
      const len = Math.min(perLine, left);
      if (used && used + 1 + len > perLine) {
        lines += 1;
        used = len;
      } else used += (used ? 1 : 0) + len;
    }
    word = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      place();
      n += lines;
      lines = 1;
      used = 0;
    } else if (isSpace(c)) place();
    // The second half of a surrogate pair is the same character as the first.
    else if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))))
      word += 1;
  }
  place();
  return n + lines;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
