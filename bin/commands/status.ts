import {
  countByStatus,
  type RoundStatusKind,
  roundStatus,
  statusOf,
  type UnitRoundStatus,
} from '../../shared/ingest/round-status.js';
import { UNRESOLVED_UNIT } from '../../shared/ingest/upload-key.js';
import { ROUND_STATUS_WORDS as VI } from '../../shared/vocabulary/status-words.js';
import { unitLabel } from '../../shared/vocabulary/unit-names.js';
import type { Target } from '../target.js';
import { ensureUnits } from './units.js';

export interface StatusRow {
  unitCode: string;
  unitName: string;
  status: RoundStatusKind;
  latestSubmissionId: string | null;
  latestVersion: number | null;
  uploadedAt: string | null;
  versions: number;
}

export interface RoundReport {
  province: string;
  round: string;
  rows: StatusRow[];
  /** Files whose unit could not be told from the folder or the document. */
  unresolvedFiles: number;
}

export async function roundStatusRows(
  target: Target,
  province: string,
  round: string,
): Promise<RoundReport> {
  await ensureUnits(target);
  const [units, submissions] = await Promise.all([
    target.ports.units.list(province),
    target.ports.submissions.listRound(province, round),
  ]);
  return {
    province,
    round,
    rows: roundStatus(units, submissions).map(toRow),
    unresolvedFiles: submissions.filter((s) => s.unitCode === UNRESOLVED_UNIT).length,
  };
}

function toRow(r: UnitRoundStatus): StatusRow {
  const shown = r.latestAccepted ?? r.latest;
  return {
    unitCode: r.unit.code,
    unitName: unitLabel(r.unit),
    status: statusOf(r),
    latestSubmissionId: shown?.submissionId ?? null,
    latestVersion: shown?.version ?? null,
    uploadedAt: shown?.uploadedAt ?? null,
    versions: r.versions,
  };
}

/** One line per unit (all units, or only those that sent something), then the totals. */
export function formatStatus(report: RoundReport, opts: { onlyReported?: boolean } = {}): string {
  const { rows, province, round } = report;
  const counts = countByStatus(rows.map((r) => r.status));
  const shown = opts.onlyReported ? rows.filter((r) => r.status !== 'missing') : rows;
  const lines = shown.map((r) => {
    const versions = r.latestVersion ? ` (bản ${r.latestVersion}, ${r.versions} lần nộp)` : '';
    return `${r.unitCode}  ${r.unitName.padEnd(28)} ${VI[r.status]}${versions}`;
  });
  lines.push(
    '',
    `Tỉnh ${province}, kỳ ${round}: ${rows.length} đơn vị — ${counts.accepted} ${VI.accepted}, ` +
      `${counts.needs_review} ${VI.needs_review}, ${counts.rejected} ${VI.rejected}, ` +
      `${counts.returned ? `${counts.returned} ${VI.returned}, ` : ''}${counts.missing} ${VI.missing}` +
      `${counts.ocr_pending ? ` (${counts.ocr_pending} bản quét đang được nhận dạng)` : ''}.`,
  );
  if (report.unresolvedFiles)
    lines.push(
      `Ngoài ra ${report.unresolvedFiles} tệp chưa xác định được đơn vị gửi (cần nộp lại vào thư mục mã đơn vị).`,
    );
  return `${lines.join('\n')}\n`;
}
