import { INDICATOR_CATALOGUE } from '../reader/catalogue.js';
import { parseVnNumber } from '../reader/numbers.js';
import { figureIds } from '../rollup/figure-ids.js';
import { rollupView } from '../rollup/rollup-view.js';
import type { Confirmation, FigureStatement } from '../schemas/confirmation.js';
import type { Indicator } from '../schemas/report.js';
import type { Submission } from '../schemas/submission.js';

// The commune confirms what was read: the figures its report will be counted for, each kept,
// corrected or marked "không phải chỉ tiêu". Its word is a statement beside the reading.

export interface ConfirmableFigure {
  id: string;
  figure: Indicator;
  /** The catalogue indicator it will be counted for. */
  name: string;
  kind: 'rate' | 'count';
}

const ENTRIES = new Map(INDICATOR_CATALOGUE.map((e) => [e.key, e]));

/** The figures of a stored file that will be counted (the catalogued ones), with their ids. */
export function confirmableFigures(s: Pick<Submission, 'report'>): ConfirmableFigure[] {
  if (!s.report) return [];
  const figures = rollupView(s.report).indicators;
  const ids = figureIds(figures);
  return figures.map((figure, n) => {
    const entry = ENTRIES.get(figure.key ?? '');
    return { id: ids[n]!, figure, name: entry?.name ?? figure.label, kind: entry?.kind ?? 'count' };
  });
}

/** A file whose figures the unit is asked to confirm: read, counted or waiting for the desk. */
export const canConfirm = (s: Pick<Submission, 'status' | 'report' | 'diagnostics'>) =>
  (s.status === 'accepted' || s.status === 'needs_review') &&
  !s.diagnostics.some((d) => d.code === 'documentType.notReport') &&
  confirmableFigures(s).length > 0;

export type ConfirmForm = Record<string, string | undefined>;

/** A value the unit typed: "76,4", "1.532", or a fraction "687/964" (a rate in per cent). */
export function statedValue(raw: string, kind: 'rate' | 'count'): FigureStatement['stated'] | null {
  const text = raw.replace(/%\s*$/, '').trim();
  const fraction = /^(.+?)\s*\/\s*(.+)$/.exec(text);
  if (fraction) {
    const numerator = parseVnNumber(fraction[1]!);
    const denominator = parseVnNumber(fraction[2]!);
    if (numerator === null || !denominator || kind !== 'rate' || numerator > denominator)
      return null;
    const value = Math.round((numerator / denominator) * 10_000) / 100;
    return { value, numerator, denominator };
  }
  const value = parseVnNumber(text);
  if (value === null || (kind === 'rate' && value > 100)) return null;
  return { value, numerator: null, denominator: null };
}

const DECISION = { dung: 'confirmed', sua: 'corrected', khong: 'not_indicator' } as const;

/**
 * The unit's confirmation from its form (`d<n>`: dung / sua / khong, `v<n>`: the value when
 * correcting), or the figures whose value could not be read, with why (Vietnamese).
 */
export function confirmationFrom(
  form: ConfirmForm,
  s: Submission,
  by: { sub: string; email: string },
  now: Date,
): { confirmation: Confirmation } | { errors: Map<string, string> } {
  const errors = new Map<string, string>();
  const figures: FigureStatement[] = confirmableFigures(s).map((c, n) => {
    const choice = DECISION[(form[`d${n}`] ?? 'dung') as keyof typeof DECISION] ?? 'confirmed';
    const { figure } = c;
    const statement: FigureStatement = {
      figure: c.id,
      key: figure.key ?? '',
      line: figure.line,
      label: c.name.slice(0, 300),
      read: {
        value: figure.value,
        unit: figure.unit,
        numerator: figure.numerator,
        denominator: figure.denominator,
      },
      decision: choice,
    };
    if (choice !== 'corrected') return statement;
    const stated = statedValue(form[`v${n}`] ?? '', c.kind);
    if (!stated)
      errors.set(
        c.id,
        c.kind === 'rate'
          ? `"${c.name}": vui lòng ghi tỷ lệ từ 0 đến 100 (ví dụ 76,4) hoặc tử số/mẫu số (ví dụ 687/964).`
          : `"${c.name}": vui lòng ghi một số (ví dụ 1.532 hoặc 12).`,
      );
    return stated ? { ...statement, stated } : statement;
  });
  if (errors.size) return { errors };
  return {
    confirmation: {
      provinceCode: s.provinceCode,
      roundId: s.roundId,
      unitCode: s.unitCode,
      submissionId: s.submissionId,
      by,
      at: now.toISOString(),
      figures,
    },
  };
}

/** Where a unit stands on a file: confirmed as read, corrected, or not yet confirmed. */
export function confirmationState(
  c: Confirmation | undefined,
): 'confirmed' | 'corrected' | 'pending' {
  if (!c) return 'pending';
  return c.figures.some((f) => f.decision !== 'confirmed') ? 'corrected' : 'confirmed';
}
