// The text of a Word document as mammoth renders it to HTML: one line per paragraph, per manual
// line break (Shift+Enter) and per table cell, so that header tables keep their cell boundaries
// and words on either side of a break are never glued together ("công nghệ" + break + "và").

const ENTITIES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES.get(name.toLowerCase()) ?? whole;
  });
}

/** Plain text of mammoth's HTML: block ends and `<br>` become line breaks, other tags vanish. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|h[1-6]|li|td|th|tr|table)>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, '');
  return decodeEntities(text).replace(/\n{3,}/g, '\n\n');
}
