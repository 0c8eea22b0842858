import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One word as LibreOffice printed it: its box on the page, in points. */
export interface PrintedWord {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Whether this machine can print office files (LibreOffice and poppler; CI installs neither). */
export const canPrintOffice = () => has('soffice') && has('pdftotext');

/**
 * The words of an office file as LibreOffice prints it (headless, to PDF), with their boxes
 * (poppler's `pdftotext -bbox`): what a person sees when opening the file and printing it.
 */
export function printedWords(bytes: Uint8Array, ext: 'xlsx' | 'docx'): PrintedWord[] {
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-print-'));
  try {
    writeFileSync(join(dir, `f.${ext}`), bytes);
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    execFileSync(
      'soffice',
      [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `f.${ext}`)],
      {
        stdio: 'ignore',
        timeout: 180_000,
      },
    );
    execFileSync('pdftotext', ['-bbox', join(dir, 'f.pdf'), join(dir, 'f.html')]);
    const html = readFileSync(join(dir, 'f.html'), 'utf8');
    const words: PrintedWord[] = [];
    html
      .split('<page ')
      .slice(1)
      .forEach((page, i) => {
        const re =
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g;
        for (const m of page.matchAll(re))
          words.push({ page: i + 1, text: m[5]!, x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]! });
      });
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Pairs of words printed over each other: their boxes cross by more than a point across and a
 * third of a line down (text of one cell running into the next row's).
 */
export function overlapping(words: PrintedWord[]): Array<[PrintedWord, PrintedWord]> {
  const out: Array<[PrintedWord, PrintedWord]> = [];
  const byPage = new Map<number, PrintedWord[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values())
    for (const [i, a] of list.entries())
      for (const b of list.slice(i + 1)) {
        const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (across > 1 && down > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3) out.push([a, b]);
      }
  return out;
}
