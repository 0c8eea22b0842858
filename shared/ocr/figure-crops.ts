import type { ObjectStore } from '../ports/object-store.js';
import type { Report } from '../schemas/report.js';
import type { ScanText } from './scan-text.js';

/** Where a scanned figure's picture is kept: under its province and unit, by the file's hash. */
export const cropPrefix = (provinceCode: string, unitCode: string, sha256: string) =>
  `crops/${provinceCode}/${unitCode}/${sha256}/`;

/**
 * Keeps the picture of each scanned figure's line beside the reading (through the storage port)
 * and names it on the figure, so that the unit confirming it and the Department checking it see
 * what was read. The same file gives the same keys: a retried ingest writes the same objects.
 */
export async function keepFigureCrops(
  report: Report,
  scan: ScanText | undefined,
  prefix: string,
  objects: Pick<ObjectStore, 'put'>,
): Promise<Report> {
  if (!scan) return report;
  const stored = new Map<number, string>();
  const indicators = [];
  for (const figure of report.indicators) {
    const picture = figure.page !== undefined ? scan.lines[figure.line - 1]?.crop : undefined;
    if (!picture) {
      indicators.push(figure);
      continue;
    }
    let key = stored.get(figure.line);
    if (!key) {
      key = `${prefix}dong-${figure.line}.png`;
      await objects.put(key, picture, 'image/png');
      stored.set(figure.line, key);
    }
    indicators.push({ ...figure, crop: key });
  }
  return stored.size ? { ...report, indicators } : report;
}
