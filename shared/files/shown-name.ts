/**
 * A file name as it may be shown to people (mails, the portal, the CLI): without control and
 * format characters (a terminal escape, a right-to-left override that turns "báo cáo‮xcod.exe"
 * into "báo cáo.docx" on screen), and without folders. The stored key keeps the name as sent.
 */
export function shownFileName(name: string, max = 180): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (clean || 'tệp không tên').slice(0, max);
}
