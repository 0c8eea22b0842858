const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text into HTML; every value that reaches a mail's HTML goes through here. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Escaped text whose web addresses become links: a mail's way in is one click, not a copy. */
export const linkedHtml = (s: string) =>
  escapeHtml(s).replace(/https?:\/\/[^\s<&]*[^\s<&.,;:)]/g, (url) => `<a href="${url}">${url}</a>`);

/** A plain, readable mail body: paragraphs, then an optional table. */
export function htmlPage(
  title: string,
  paragraphs: string[],
  table?: { head: string[]; rows: string[][] },
): string {
  const p = paragraphs.map((t) => `<p>${linkedHtml(t).replace(/\n/g, '<br>')}</p>`).join('\n');
  const cells = (tag: string, row: string[], attrs = '') =>
    row.map((c) => `<${tag}${attrs}>${escapeHtml(c)}</${tag}>`).join('');
  const tbl = table
    ? '<table style="border-collapse:collapse" cellpadding="4" border="1">' +
      `<thead><tr>${cells('th', table.head, ' align="left"')}</tr></thead>` +
      `<tbody>${table.rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</tbody></table>`
    : '';
  const head = `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`;
  return (
    `<!doctype html><html lang="vi">${head}` +
    `<body style="font-family:Arial,sans-serif;font-size:14px">\n${p}\n${tbl}\n</body></html>`
  );
}
