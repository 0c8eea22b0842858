import type { Period, ReportPeriod } from '../schemas/period.js';
import { fold } from '../text/fold.js';

// The period a report covers, read where officers state it: the title ("Kết quả … 6 tháng đầu
// năm 2026"), else the request clause ("… về việc báo cáo kết quả năm 2026"), else the closing
// ("Trên đây là báo cáo kết quả 9 tháng …"). All patterns run on folded text (same indices as the
// original). A period named after "phương hướng", "dự kiến", "nhiệm vụ trọng tâm" or a plan is the
// next period's work, not the one reported on.

type Found = { period: Period; start: number; end: number };

const D = String.raw`(\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*(\d{4})`;
const YEAR = String.raw`(?:\s*(?:nam\s+|/\s*|-\s*)?(\d{4}))?`;
const B = String.raw`(?<![\p{L}\d])`;

const PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => Period | null]> = [
  [
    new RegExp(
      String.raw`${B}tu\s+(?:ngay\s+)?${D}\s*,?\s*den\s+(?:het\s+)?(?:ngay\s+)?${D}`,
      'gu',
    ),
    (m) => rangePeriod(isoOf(m[3]!, m[2]!, m[1]!), isoOf(m[6]!, m[5]!, m[4]!)),
  ],
  [
    new RegExp(String.raw`${B}(?:0?6|sau)\s+thang\s+dau(?:\s+nam)?${YEAR}`, 'gu'),
    (m) => ({ kind: 'half_first', year: yearOf(m[1]) }),
  ],
  [
    new RegExp(String.raw`${B}(?:0?6|sau)\s+thang\s+cuoi(?:\s+nam)?${YEAR}`, 'gu'),
    (m) => ({ kind: 'half_second', year: yearOf(m[1]) }),
  ],
  [
    new RegExp(
      String.raw`(?<!ngay\s{1,3})${B}(?:0?9|chin)\s+thang(?!\s*\d{1,2}(?!\d))(?:\s+dau)?(?:\s+nam)?${YEAR}`,
      'gu',
    ),
    (m) => ({ kind: 'nine_months', year: yearOf(m[1]) }),
  ],
  [
    new RegExp(String.raw`${B}quy\s+(iv|i{1,3}|[1-4])(?![\p{L}\d])${YEAR}`, 'gu'),
    (m) => ({ kind: 'quarter', year: yearOf(m[2]), quarter: quarterOf(m[1]!) }),
  ],
  [
    // A month with its year ("tháng 5/2026", "tháng 5 năm 2026"); never a date's month.
    new RegExp(
      String.raw`(?<!(?:ngay|\d)\s{1,3}\d{0,2}\s{0,3})${B}thang\s+(\d{1,2})\s*(?:nam\s+|/\s*|-\s*)(\d{4})`,
      'gu',
    ),
    (m) => monthPeriod(Number(m[1]), Number(m[2])),
  ],
  [
    // "năm 2026", never a date's year ("tháng 5 năm 2026") nor a span ("2021-2025").
    new RegExp(String.raw`(?<!thang\s{1,3}\d{1,2}\s{0,3})${B}nam\s+(\d{4})(?!\s*[-–]\s*\d)`, 'gu'),
    (m) => ({ kind: 'year', year: yearOf(m[1]) }),
  ],
];

const FUTURE_CUE = new RegExp(
  String.raw`phuong\s+huong|du\s+kien|nhiem\s+vu\s+trong\s+tam|(?:va|,)\s+nhiem\s+vu|giai\s+phap` +
    String.raw`|(?<!thuc\s+hien\s+(?:cac\s+)?)ke\s+hoach`,
  'g',
);
const RESULT_CUE = /ket\s+qua|bao\s+cao|tong\s+ket|so\s+ket|tinh\s+hinh|thuc\s+hien/g;
const REPORT_CUE = /bao\s+cao/g;

function yearOf(s: string | undefined): number | null {
  const y = s ? Number(s) : Number.NaN;
  return y >= 1900 && y <= 2999 ? y : null;
}

function quarterOf(s: string): number {
  return /^\d$/.test(s) ? Number(s) : ['i', 'ii', 'iii', 'iv'].indexOf(s) + 1;
}

function isoOf(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : null;
}

function monthPeriod(month: number, year: number): Period | null {
  return month >= 1 && month <= 12 && yearOf(String(year)) ? { kind: 'month', year, month } : null;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * Dates that fit a standard period become it: a start near 1 January (from 1 December before,
 * as Nghị định 09/2019 closes figures on the 14th/15th) and an end some six, nine or twelve
 * months on; a start near 1 July and six months. Anything else stays a range.
 */
export function rangePeriod(from: string | null, to: string | null): Period | null {
  if (!from || !to || from > to) return null;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const year = fm === 12 ? fy + 1 : fy;
  const days = dayOf(to) - dayOf(from);
  const nearJan = fm === 12 || fm === 1;
  if (nearJan && days >= 120 && days <= 215) return { kind: 'half_first', year };
  if (nearJan && days > 215 && days <= 300) return { kind: 'nine_months', year };
  if (nearJan && days > 300 && days <= 400) return { kind: 'year', year };
  if ((fm === 6 || fm === 7) && days >= 120 && days <= 215)
    return { kind: 'half_second', year: fy };
  return { kind: 'range', year: Number(to.slice(0, 4)), from, to };
}

/** Every period named in `folded`, left to right, none inside another (the longest wins). */
export function periodsIn(folded: string): Found[] {
  const all: Found[] = [];
  for (const [re, make] of PATTERNS) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      const period = make(m);
      if (period) all.push({ period, start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found[] = [];
  for (const f of all) if (!out.some((o) => f.start < o.end && o.start < f.end)) out.push(f);
  return out;
}

/** The cue nearest before `at`: is the period the one reported on, or the next one's work? */
function isFuture(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - 160), at);
  const last = (re: RegExp) => Math.max(-1, ...[...before.matchAll(re)].map((m) => m.index));
  return last(FUTURE_CUE) > last(RESULT_CUE);
}

/** Only a period right after "báo cáo" counts in running text (the request clause, the closing). */
function afterReportWord(folded: string, at: number): boolean {
  return [...folded.slice(Math.max(0, at - 60), at).matchAll(REPORT_CUE)].length > 0;
}

function pick(
  text: string,
  strict: boolean,
  source: ReportPeriod['source'],
  issuedOn: string | null,
) {
  const folded = fold(text);
  const found = periodsIn(folded).filter(
    (f) => !isFuture(folded, f.start) && (!strict || afterReportWord(folded, f.start)),
  );
  const chosen = found.find((f) => f.period.kind !== 'year') ?? found[0];
  if (!chosen) return null;
  const period = { ...chosen.period };
  if (period.year === null)
    period.year =
      found.find((f) => f.period.year !== null)?.period.year ?? withinYear(period, issuedOn);
  const words = text.slice(chosen.start, chosen.end).replace(/\s+/g, ' ').trim();
  return { ...period, text: words.slice(0, 200), source } satisfies ReportPeriod;
}

/** Reports on the first half or nine months are written within the year: the date's year is theirs. */
function withinYear(p: Period, issuedOn: string | null): number | null {
  if (!issuedOn || (p.kind !== 'half_first' && p.kind !== 'nine_months')) return null;
  return Number(issuedOn.slice(0, 4));
}

/** The report's period from its title, else its request clause, else its closing; null if none says. */
export function readPeriod(parts: {
  title: string | null;
  preamble: string;
  closing: string | null;
  issuedOn: string | null;
}): ReportPeriod | null {
  return (
    (parts.title ? pick(parts.title, false, 'title', parts.issuedOn) : null) ??
    pick(parts.preamble.slice(0, 4000), true, 'preamble', parts.issuedOn) ??
    (parts.closing ? pick(parts.closing.slice(0, 1000), true, 'closing', parts.issuedOn) : null)
  );
}
