import type { Indicator, Report } from '../schemas/report.js';
import type { RollupPoint, RollupSubmission, RollupView } from '../schemas/rollup-view.js';
import type { Submission } from '../schemas/submission.js';
import { sectionItems } from './points.js';

const POINT_KINDS = new Set<string>(['difficulties', 'causes', 'proposals']);
const MAX_LABEL = 80;

/**
 * The catalogued figures the rollup can use: per indicator, the first figure with raw numbers,
 * the first figure, and one figure for each other value the report gives (kept to show the
 * disagreement); repeats of the same value go.
 */
function usableFigures(indicators: Indicator[]): Indicator[] {
  const seen = new Set<string>();
  const raw = new Set<string>();
  const out: Indicator[] = [];
  for (const i of indicators) {
    if (i.key === null) continue;
    const hasRaw = i.numerator !== null && i.denominator !== null;
    const id = `${i.key}|${Math.round(i.value * 100)}`;
    if (seen.has(id) && !(hasRaw && !raw.has(i.key))) continue;
    seen.add(id);
    if (hasRaw) raw.add(i.key);
    out.push(i.label.length > MAX_LABEL ? { ...i, label: `${i.label.slice(0, MAX_LABEL)}…` } : i);
  }
  return out;
}

/**
 * What the rollup reads of a report: its kind, its catalogued figures and the points of its
 * difficulties, causes and proposals. Ingest stores it beside the submission (a few KB where
 * the report is tens), so that the country's rollup reads kilobytes per unit.
 */
export function rollupView(report: Report): RollupView {
  const points: RollupPoint[] = [];
  for (const section of report.sections) {
    if (!POINT_KINDS.has(section.kind)) continue;
    const items = sectionItems(section.text);
    const read = section.textOriginal === undefined ? items : sectionItems(section.textOriginal);
    // Repair changes words, not bullets: the items pair up; if not, the repaired item stands alone.
    const paired = read.length === items.length;
    for (const [i, text] of items.entries()) {
      const original = paired ? read[i]! : text;
      points.push({
        kind: section.kind as RollupPoint['kind'],
        section: section.heading,
        text,
        original,
      });
    }
  }
  return {
    documentType: report.documentType,
    number: report.number,
    title: report.title,
    indicators: usableFigures(report.indicators),
    points,
    ...(report.signatures?.length ? { signatures: report.signatures } : {}),
  };
}

/** A submission as the rollup reads it, whether given in full or already as its view. */
export const asView = (s: Submission | RollupSubmission): RollupSubmission =>
  'view' in s ? s : toRollupSubmission(s);

/** A full submission as the rollup reads it. */
export function toRollupSubmission(s: Submission): RollupSubmission {
  const { report, ...rest } = s;
  return { ...rest, view: report ? rollupView(report) : null };
}
