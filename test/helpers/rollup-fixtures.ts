import { type ReportTextOptions, reportText } from '../../scripts/report-text.js';
import { readReport } from '../../shared/reader/read-report.js';
import { buildRollup } from '../../shared/rollup/build-rollup.js';
import { type RollupFile, renderRollup } from '../../shared/rollup/rollup-job.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { Rollup } from '../../shared/schemas/rollup.js';
import type { RollupSubmission, RollupView } from '../../shared/schemas/rollup-view.js';
import type { Submission, SubmissionStatus } from '../../shared/schemas/submission.js';
import type { Unit } from '../../shared/schemas/unit.js';
import { registry2025 } from './fixtures.js';

export const registry = registry2025();
export const round = standingRounds('40', 2026)[0]!;

/**
 * The rollup of `units` (one province's) from `submissions`, built on the morning after the
 * round's deadline, and its four files by extension (docx, xlsx, html, json).
 */
export async function morningRollup(
  units: Unit[],
  submissions: Array<Submission | RollupSubmission>,
): Promise<{ rollup: Rollup; files: Record<string, RollupFile> }> {
  const rollup = buildRollup({
    provinceCode: units[0]!.provinceCode,
    scopeName: units[0]!.provinceName,
    round,
    units,
    submissions,
    now: new Date('2026-06-11T06:00:00+07:00'),
  });
  const rendered = await renderRollup(rollup);
  return { rollup, files: Object.fromEntries(rendered.map((f) => [f.name.split('.').pop()!, f])) };
}

let seq = 0;
/** A stored submission of a unit, its report read from text written like a real one. */
export function submissionOf(
  unit: Unit,
  opts: ReportTextOptions & {
    status?: SubmissionStatus;
    uploadedAt?: string;
    version?: number;
  } = {},
): Submission {
  seq++;
  const report = readReport(reportText(unit, opts), { registry });
  return {
    submissionId: `s${seq}`,
    provinceCode: unit.provinceCode,
    roundId: round.roundId,
    unitCode: unit.code,
    version: opts.version ?? 1,
    status: opts.status ?? 'accepted',
    diagnostics:
      opts.status && opts.status !== 'accepted'
        ? [{ level: 'error', field: 'issuer', message: 'Văn bản không ghi rõ đơn vị ban hành.' }]
        : [],
    file: {
      bucket: 'b',
      key: `inbox/40/2026-H1/${unit.code}/bao-cao-${seq}.docx`,
      versionId: `v${seq}`,
      name: `bao-cao-${seq}.docx`,
      size: 1000,
      sha256: null,
      format: 'docx',
    },
    uploadedAt: opts.uploadedAt ?? '2026-06-05T02:00:00.000Z',
    processedAt: opts.uploadedAt ?? '2026-06-05T02:00:01.000Z',
    report,
  };
}

/** A submission as the rollup reads it, its view given directly (the reader's output). */
export function viewSubmissionOf(
  unit: Unit,
  view: Partial<RollupView>,
  opts: { status?: SubmissionStatus; uploadedAt?: string } = {},
): RollupSubmission {
  seq++;
  return {
    submissionId: `v${seq}`,
    provinceCode: unit.provinceCode,
    roundId: round.roundId,
    unitCode: unit.code,
    version: 1,
    status: opts.status ?? 'accepted',
    diagnostics: [],
    file: {
      bucket: 'b',
      key: `inbox/40/2026-H1/${unit.code}/bao-cao-${seq}.pdf`,
      versionId: null,
      name: `bao-cao-${seq}.pdf`,
      size: 1000,
      sha256: null,
      format: 'pdf',
    },
    uploadedAt: opts.uploadedAt ?? '2026-06-05T02:00:00.000Z',
    processedAt: opts.uploadedAt ?? '2026-06-05T02:00:01.000Z',
    view: {
      documentType: 'BAO_CAO',
      number: `${seq}/BC-UBND`,
      title: 'Kết quả thực hiện chuyển đổi số 6 tháng đầu năm 2026',
      indicators: [],
      points: [],
      ...view,
    },
  };
}
