import type { Report } from '../schemas/report.js';
import type { RollupPoint, RollupSubmission, RollupView } from '../schemas/rollup-view.js';
import type { Submission } from '../schemas/submission.js';
import { sectionItems } from './points.js';

const POINT_KINDS = new Set<string>(['difficulties', 'causes', 'proposals']);

/**
 * What the rollup reads of a report: its kind, its catalogued figures and the points of its
 * difficulties, causes and proposals. Ingest stores it beside the submission (a few KB where
 * the report is tens), so that the country's rollup reads kilobytes per unit.
 */
export function rollupView(report: Report): RollupView {
  const points: RollupPoint[] = [];
  for (const section of report.sections) {
    if (!POINT_KINDS.has(section.kind)) continue;
    for (const text of sectionItems(section.text))
      points.push({ kind: section.kind as RollupPoint['kind'], section: section.heading, text });
  }
  return {
    documentType: report.documentType,
    number: report.number,
    title: report.title,
    indicators: report.indicators.filter((i) => i.key !== null),
    points,
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
