import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Submission } from '../../shared/schemas/submission.js';
import type { PortalHarness } from './portal.js';

/** Waits until ingest has recorded the file `name` for `unitCode` ("_": no unit) in the round. */
export async function untilRecorded(
  portal: PortalHarness,
  unitCode: string,
  name: string,
  { provinceCode = '40', roundId = '2026-H1', timeoutMs = 120_000 } = {},
): Promise<Submission> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const list = await portal.target.ports.submissions.listRound(provinceCode, roundId);
    const found = list.find((s) => s.unitCode === unitCode && s.file.name === name);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} for ${unitCode} was not recorded within ${timeoutMs} ms`);
}

/** A ZIP container (DOCX and XLSX are): its local file header magic. */
export const isZip = (path: string) =>
  readFileSync(path).subarray(0, 4).equals(Buffer.from('PK\x03\x04'));

/**
 * Whether the Office file at `path` shows the integer `n` in any of its XML parts: as a cell
 * value (XLSX, "1311") or as Vietnamese text (DOCX, "1.311").
 */
export async function figureIn(path: string, n: number): Promise<boolean> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const shown = [String(n), n.toLocaleString('vi-VN')].map((s) => s.replace('.', '\\.'));
  const figure = new RegExp(`(^|[^\\d.,])(${shown.join('|')})(?![\\d]|[.,]\\d)`);
  for (const entry of Object.values(zip.files)) {
    if (!entry.name.endsWith('.xml')) continue;
    const text = (await entry.async('string')).replace(/<[^>]+>/g, ' ');
    if (figure.test(text)) return true;
  }
  return false;
}
