import type { Report } from '../schemas/report.js';
import type { Round } from '../schemas/round.js';
import { foldKey } from '../text/fold.js';

const key = (number: string) => foldKey(number).replace(/\s+/g, '');

/** The round whose request document the report answers ("Thực hiện Công văn số 1464/SKHCN-…"). */
export function roundForReport(report: Report, rounds: Round[]): Round | null {
  const asked = new Set(
    report.requestedBy
      .map((r) => r.number)
      .filter((n): n is string => Boolean(n))
      .map(key),
  );
  if (!asked.size) return null;
  const matches = rounds.filter((r) => r.requests.some((q) => asked.has(key(q))));
  return matches.length === 1 ? matches[0]! : null;
}
