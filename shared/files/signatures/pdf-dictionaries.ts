// The dictionaries of one PDF object, read token by token as PDF writes them: literal strings
// (nested parentheses, escapes), hex strings, comments, names, arrays and nested dictionaries.
// A key is a name at its dictionary's own level; what follows it is its value, kept with its
// place in the file so a signature's /Contents can be matched with the gap of its /ByteRange.

export interface PdfEntry {
  /** Offset of the key's "/". */
  keyAt: number;
  /** The value as written, up to 200 characters ("/Sig", "13 0 R", "[" for an array). */
  text: string;
  /** Offsets of the value in the file: [start, end). */
  start: number;
  end: number;
}

export interface PdfDictionary {
  start: number;
  end: number;
  entries: Map<string, PdfEntry>;
}

interface Frame extends PdfDictionary {
  arrays: number;
  key: { name: string; at: number } | null;
  last: PdfEntry | null;
}

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
/** PDF's white-space characters (NaN, past the end, is none). */
export const white = (c: number) => WHITE.has(c);
/** A character of a name or a word: neither white space nor a delimiter (NaN, past the end, is none). */
export const regular = (c: number) => !Number.isNaN(c) && !WHITE.has(c) && !DELIMITER.has(c);

function skipLiteral(s: string, i: number, stop: number): number {
  let depth = 0;
  for (; i < stop; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return stop;
}

function lineEnd(s: string, i: number, stop: number): number {
  while (i < stop && s[i] !== '\n' && s[i] !== '\r') i++;
  return i;
}

function wordEnd(s: string, i: number, stop = s.length): number {
  while (i < stop && regular(s.charCodeAt(i))) i++;
  return i;
}

/** Records a value for the frame's pending key, or extends the last one ("13" "0" "R"). */
function value(f: Frame | undefined, text: string, start: number, end: number, extend = false) {
  if (!f || f.arrays > 0) return;
  if (f.key) {
    f.last = { keyAt: f.key.at, text: text.slice(0, 200), start, end };
    f.entries.set(f.key.name, f.last);
    f.key = null;
  } else if (extend && f.last) {
    f.last.text = `${f.last.text} ${text}`.slice(0, 200);
    f.last.end = end;
  }
}

function open(stack: Frame[], at: number) {
  value(stack[stack.length - 1], '<<', at, at + 2);
  stack.push({ start: at, end: at, entries: new Map(), arrays: 0, key: null, last: null });
}

function name(stack: Frame[], s: string, i: number): number {
  const end = wordEnd(s, i + 1);
  const f = stack[stack.length - 1];
  if (f && f.arrays === 0 && !f.key) {
    f.key = { name: s.slice(i + 1, end), at: i };
    f.last = null;
  } else value(f, s.slice(i, end), i, end);
  return end;
}

/** Characters read in one object besides its hex strings (a signature's dictionary is < 8 KB). */
export const MAX_DICTIONARY_CHARS = 256 * 1024;
/** Dictionaries inside dictionaries: a signature's go three deep. */
const MAX_DEPTH = 32;

/** Skips a hex string at `i` (found with indexOf, so a large /Contents costs little). */
function hexString(s: string, i: number, stack: Frame[]): number {
  const close = s.indexOf('>', i);
  const end = close < 0 ? s.length : close + 1;
  value(stack[stack.length - 1], '<hex>', i, end);
  return end;
}

/** Closes the innermost dictionary at `i` (just past its ">>"); true when it was the outermost. */
function close(stack: Frame[], out: PdfDictionary[], i: number): boolean {
  const done = stack.pop();
  if (!done) return true;
  done.end = i;
  out.push(done);
  const parent = stack[stack.length - 1];
  if (parent?.last?.text === '<<' && parent.last.start === done.start) parent.last.end = i;
  return stack.length === 0;
}

/**
 * Every dictionary of the object whose body starts at `from`, innermost first as each closes;
 * stops when the object's outermost dictionary closes, at "endobj" or "stream", or past
 * MAX_DICTIONARY_CHARS read or MAX_DEPTH nesting (a hostile object), keeping what closed.
 */
export function objectDictionaries(s: string, from: number): PdfDictionary[] {
  const out: PdfDictionary[] = [];
  const stack: Frame[] = [];
  let hex = 0;
  let i = from;
  for (let stop = Math.min(s.length, from + MAX_DICTIONARY_CHARS); i < stop; ) {
    const c = s[i]!;
    const top = stack[stack.length - 1];
    if (white(s.charCodeAt(i))) i++;
    else if (c === '%') i = lineEnd(s, i, stop);
    else if (c === '(') {
      const end = skipLiteral(s, i, stop);
      value(top, s.slice(i, Math.min(end, i + 200)), i, end);
      i = end;
    } else if (c === '<' && s[i + 1] === '<') {
      if (stack.length >= MAX_DEPTH) return out;
      open(stack, i);
      i += 2;
    } else if (c === '<') {
      const end = hexString(s, i, stack);
      hex += end - i;
      stop = Math.min(s.length, from + MAX_DICTIONARY_CHARS + hex);
      i = end;
    } else if (c === '>' && s[i + 1] === '>') {
      i += 2;
      if (close(stack, out, i)) return out;
    } else if (c === '[' || c === ']') {
      if (c === '[') value(top, '[', i, i + 1);
      if (top) top.arrays = Math.max(0, top.arrays + (c === '[' ? 1 : -1));
      i++;
    } else if (c === '/') i = name(stack, s, i);
    else {
      const end = Math.max(wordEnd(s, i, stop), i + 1);
      const word = s.slice(i, end);
      // Neither can stand inside a dictionary: the object ends (or its stream's bytes begin).
      if (word === 'endobj' || word === 'stream') return out;
      value(top, word.slice(0, 200), i, end, true);
      i = end;
    }
  }
  return out;
}
