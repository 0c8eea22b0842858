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

/** "IMG_1.jpg, IMG_2.jpg (2 ảnh).zip": the .zip the portal makes of photos chosen together. */
const PHOTO_BATCH = /^(.+) \((\d+) ảnh\)\.zip$/;

/**
 * A stored file's name as its sender knows it: photos chosen together are named by the photos
 * (the .zip that carried them is the portal's doing, not a name anyone chose).
 */
export function chosenFileName(name: string): string {
  const batch = PHOTO_BATCH.exec(name);
  return batch ? `${batch[2]} ảnh: ${batch[1]}` : name;
}
