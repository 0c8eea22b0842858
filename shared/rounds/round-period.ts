import { periodsIn, readPeriod } from '../reader/report-period.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import { type Period, periodText } from '../schemas/period.js';
import type { Report } from '../schemas/report.js';
import type { Round } from '../schemas/round.js';
import { fold } from '../text/fold.js';
import { roundForReport } from './round-for-report.js';
import { standingRounds } from './standing-rounds.js';

// A report counts in a round only when it reports on the round's period: a six-month report is
// not the annual one, last year's is not this year's. The round's period comes from its stated
// `period`, else its id's code, else its title; a round whose period nobody stated is not checked.

const CODE: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray, year: number) => Period]> = [
  [/^H1$/, (_, year) => ({ kind: 'half_first', year })],
  [/^H2$/, (_, year) => ({ kind: 'half_second', year })],
  [/^(?:FY|NAM|CN)$/, (_, year) => ({ kind: 'year', year })],
  [/^(?:9M|9T)$/, (_, year) => ({ kind: 'nine_months', year })],
  [/^Q([1-4])$/, (m, year) => ({ kind: 'quarter', year, quarter: Number(m[1]) })],
  [/^[TM](0?[1-9]|1[0-2])$/, (m, year) => ({ kind: 'month', year, month: Number(m[1]) })],
];

/** The period a round asks for; null when it cannot be told. */
export function roundPeriod(round: Pick<Round, 'roundId' | 'title' | 'period'>): Period | null {
  if (round.period) return round.period;
  const year = Number(round.roundId.slice(0, 4));
  const code = round.roundId.slice(5);
  for (const [re, make] of CODE) {
    const m = re.exec(code);
    if (m) return make(m, year);
  }
  const found = periodsIn(fold(round.title));
  const stated = found.find((f) => f.period.kind !== 'year') ?? found[0];
  if (!stated) return null;
  return { ...stated.period, year: stated.period.year ?? year };
}

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** The days a period spans, from the 15 December before (Nghị định 09/2019 cut-off) to its end. */
function span(p: Period): { from: number; to: number } | null {
  if (p.from && p.to) return { from: day(p.from), to: day(p.to) };
  if (p.year === null) return null;
  const y = p.year;
  const end = (m: number) =>
    day(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`) - 1;
  const start = (m: number) => day(`${y}-${String(m).padStart(2, '0')}-01`) - (m === 1 ? 17 : 0);
  switch (p.kind) {
    case 'half_first':
      return { from: start(1), to: end(6) };
    case 'half_second':
      return { from: start(7), to: end(12) };
    case 'nine_months':
      return { from: start(1), to: end(9) };
    case 'year':
      return { from: start(1), to: end(12) };
    case 'quarter':
      return { from: start(3 * (p.quarter ?? 1) - 2), to: end(3 * (p.quarter ?? 1)) };
    case 'month':
      return { from: start(p.month ?? 1), to: end(p.month ?? 1) };
    default:
      return null;
  }
}

/**
 * Whether a report's period is the round's. Both named: the same kind (quarter, month) and, when
 * both give one, the same year. Dates that fit no standard period: wrong only when they do not
 * overlap the round's period at all.
 */
export function samePeriod(report: Period, round: Period): boolean {
  if (report.kind === 'range' || round.kind === 'range') {
    const a = span(report);
    const b = span(round);
    return !a || !b || (a.from <= b.to && b.from <= a.to);
  }
  if (report.kind !== round.kind) return false;
  if (report.quarter !== round.quarter || report.month !== round.month) return false;
  return report.year === null || round.year === null || report.year === round.year;
}

const KINDS_CHECKED = new Set<Report['documentType']>(['BAO_CAO', 'CONG_VAN']);

/**
 * The finding on a report's period in a round: an error when it reports on another period (the
 * report is held for review and counts for nothing), a note when it states none; null when it
 * matches or the round's period is unknown.
 */
export function checkPeriod(
  report: Pick<Report, 'period' | 'documentType' | 'title' | 'issuedOn'>,
  round: Pick<Round, 'roundId' | 'title' | 'period'>,
): Diagnostic | null {
  if (!KINDS_CHECKED.has(report.documentType)) return null;
  const wanted = roundPeriod(round);
  if (!wanted) return null;
  const period =
    report.period === undefined
      ? readPeriod({ title: report.title, preamble: '', closing: null, issuedOn: report.issuedOn })
      : report.period;
  if (!period)
    return diag.warning(
      'period',
      `Văn bản không ghi kỳ báo cáo (6 tháng, 9 tháng, năm…); được tính vào đợt ` +
        `báo cáo ${periodText(wanted)} theo nơi nộp.`,
      'period.missing',
    );
  if (samePeriod(period, wanted)) return null;
  return diag.error(
    'period',
    `Báo cáo kỳ ${periodText(period)}; đợt này là báo cáo ${periodText(wanted)}. ` +
      'Báo cáo chưa được tính vào đợt này; Sở KHCN sẽ chuyển báo cáo sang đúng đợt. ' +
      `Đơn vị vui lòng nộp báo cáo ${periodText(wanted)}.`,
    'period.mismatch',
  );
}

/** The round of that id among a province's rounds, or its standing round of another year. */
export function roundIn(rounds: Round[], provinceCode: string, roundId: string): Round | null {
  const listed = rounds.find((r) => r.roundId === roundId);
  if (listed) return listed;
  const year = Number(roundId.slice(0, 4));
  if (!Number.isInteger(year) || year < 1900) return null;
  return standingRounds(provinceCode, year).find((r) => r.roundId === roundId) ?? null;
}

/**
 * The period check, then the letter: a report that answers another round's request letter
 * ("Thực hiện Công văn số …") belongs to that round.
 */
export function checkRound(report: Report, round: Round, rounds: Round[]): Diagnostic | null {
  const period = checkPeriod(report, round);
  if (period?.level === 'error') return period;
  const answered = roundForReport(report, rounds);
  if (!answered || answered.roundId === round.roundId) return period;
  return diag.error(
    'requestedBy',
    `Báo cáo trả lời ${answered.requests.join(', ')} của đợt "${answered.title}"; ` +
      `đợt này là "${round.title}". Báo cáo chưa được tính vào đợt này; ` +
      'Sở KHCN sẽ chuyển báo cáo sang đúng đợt.',
    'period.otherRound',
  );
}
