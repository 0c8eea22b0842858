// Trimming a set of characters from the ends of a string. The regex spelling of it,
// `s.replace(/[.,;]+$/, '')`, retries the run from every position inside it: a line with a
// long run of dots that does not end the line costs the square of the run's length.

/** `text` without the characters of `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters of `chars` at its start. */
export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

/** White space and the usual punctuation that ends a clause. */
export const SPACE = ' \t\n\r\v\f';
