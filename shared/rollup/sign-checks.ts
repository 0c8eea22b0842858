import { createHash } from 'node:crypto';
import { latestBy } from '../ports/confirmation-store.js';
import { INDICATOR_CATALOGUE } from '../reader/catalogue.js';
import type { Confirmation, FigureStatement, SignCheck } from '../schemas/confirmation.js';
import type { Indicator } from '../schemas/report.js';
import type { FigureBasis, Rollup, UnitState } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import { figureIds, isScanned } from './figure-ids.js';

// Nothing doubtful reaches the signature unseen. A figure reaches the signed document only as read
// from typed text, confirmed or corrected by its unit, or accepted on the Department's list
// before signing; that list shows every item that is not certain, each with what it rests on.

interface ItemBase {
  id: string;
  unitCode: string;
  submissionId: string;
  /** The Department's latest decision on it; null while undecided. */
  decision: SignCheck | null;
}

export type FigureItem = ItemBase & {
  /**
   * `scanned`: read by OCR, not confirmed; `corrected`: the unit stated another value;
   * `mapping`: a typed figure matched to a catalogue indicator, not confirmed.
   */
  kind: 'scanned' | 'corrected' | 'mapping';
  figure: Indicator;
  /** The catalogue indicator it is counted for. */
  name: string;
  statement: (FigureStatement & { by: string; at: string }) | null;
};
export type QuoteItem = ItemBase & {
  kind: 'quote';
  text: string;
  original: string;
  section: string;
};
export type LeftOutItem = ItemBase & { kind: 'left_out'; state: UnitState; reason: string };
export type SignItem = FigureItem | QuoteItem | LeftOutItem;

export interface Statements {
  confirmations: Confirmation[];
  checks: SignCheck[];
}

const NAMES = new Map(INDICATOR_CATALOGUE.map((e) => [e.key, e.name]));

export const figureItemId = (submissionId: string, figure: string) => `f:${submissionId}:${figure}`;
const quoteItemId = (submissionId: string, original: string) =>
  `q:${submissionId}:${createHash('sha256').update(original).digest('hex').slice(0, 12)}`;
const leftOutId = (unitCode: string, submissionId: string | null) =>
  `u:${unitCode}:${submissionId ?? '-'}`;

/** The latest of each: a unit's confirmation per submission, a decision per item. */
export function latestStatements(s: Statements) {
  return {
    confirmations: latestBy(s.confirmations, (c) => c.submissionId),
    checks: latestBy(s.checks, (c) => c.item),
  };
}

type Latest = ReturnType<typeof latestStatements>;

/** One figure settled: kept (possibly with another value), or left out; and its item, if doubtful. */
function settleFigure(
  s: RollupSubmission,
  figure: Indicator,
  id: string,
  latest: Latest,
  confirmation: Confirmation | undefined,
): { kept: Indicator | null; basis: FigureBasis | null; item: FigureItem | null } {
  const itemId = figureItemId(s.submissionId, id);
  const decision = latest.checks.get(itemId) ?? null;
  const said = confirmation?.figures.find((f) => f.figure === id);
  const statement =
    said && confirmation ? { ...said, by: confirmation.by.email, at: confirmation.at } : null;
  const scanned = isScanned(figure) || undefined;
  const kind: FigureItem['kind'] | null =
    said?.decision === 'corrected' ? 'corrected' : said ? null : scanned ? 'scanned' : 'mapping';
  const name = NAMES.get(figure.key ?? '') ?? figure.label;
  const item = kind
    ? {
        id: itemId,
        kind,
        unitCode: s.unitCode,
        submissionId: s.submissionId,
        decision,
        figure,
        name,
        statement,
      }
    : null;
  if (said?.decision === 'not_indicator' || decision?.decision === 'dropped')
    return { kept: null, basis: null, item };
  if (decision?.decision === 'edited' && decision.value !== undefined) {
    const kept = {
      ...figure,
      value: decision.value,
      numerator: null,
      denominator: null,
      unit: figure.unit,
    };
    return {
      kept,
      basis: {
        kind: 'edited',
        by: decision.by.email,
        at: decision.at,
        read: figure.value,
        scanned,
      },
      item,
    };
  }
  if (said?.decision === 'corrected' && said.stated) {
    const kept = { ...figure, ...said.stated };
    const basis: FigureBasis = {
      kind: 'corrected',
      by: statement!.by,
      at: statement!.at,
      read: figure.value,
      scanned,
    };
    return { kept, basis, item };
  }
  if (said)
    return {
      kept: figure,
      basis: { kind: 'confirmed', by: statement!.by, at: statement!.at, scanned },
      item,
    };
  if (decision?.decision === 'accepted')
    return {
      kept: figure,
      basis: { kind: 'accepted', by: decision.by.email, at: decision.at, scanned },
      item,
    };
  // A figure read from a scan that nobody confirmed never reaches the signed document.
  if (scanned) return { kept: null, basis: null, item };
  return { kept: figure, basis: { kind: 'typed' }, item };
}

/**
 * The counted reports' figures as the statements settle them: the unit's corrections and the
 * Department's edits applied, what was dropped or marked "không phải chỉ tiêu" left out, figures
 * read by OCR kept only once confirmed or accepted. Returns the doubtful figures as items too.
 */
export function settleFigures(accepted: RollupSubmission[], statements: Statements) {
  const latest = latestStatements(statements);
  const basis = new Map<Indicator, FigureBasis>();
  const items: FigureItem[] = [];
  let leftOut = 0;
  const settled = accepted.map((s) => {
    if (!s.view) return s;
    const confirmation = latest.confirmations.get(s.submissionId);
    const ids = figureIds(s.view.indicators);
    const kept: Indicator[] = [];
    s.view.indicators.forEach((figure, n) => {
      const out = settleFigure(s, figure, ids[n]!, latest, confirmation);
      if (out.item) items.push(out.item);
      if (!out.kept) {
        if (!out.item?.decision && out.item?.kind === 'scanned') leftOut++;
        return;
      }
      kept.push(out.kept);
      if (out.basis) basis.set(out.kept, out.basis);
    });
    return { ...s, view: { ...s.view, indicators: kept } };
  });
  const confirmedByUnits = [...basis.values()].filter(
    (b) => b.kind === 'confirmed' || b.kind === 'corrected',
  ).length;
  return { accepted: settled, basis, items, leftOut, confirmedByUnits };
}

type QuoteLists = Pick<Rollup, 'difficulties' | 'proposals' | 'proposalsByAddressee'>;

/** Quotes whose shown text is not the report's own words (repaired), and the decisions on them. */
export function settleQuotes<R extends QuoteLists>(
  rollup: R,
  statements: Statements,
): { rollup: R; items: QuoteItem[] } {
  const { checks } = latestStatements(statements);
  const items = new Map<string, QuoteItem>();
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  // Shown as the report has it (perhaps shortened, "…"): not a repaired quote.
  // (Most quotes are the original itself: no copies made for them.)
  const asWritten = (text: string, original: string) =>
    text === original || flat(original).startsWith(flat(text.replace(/…$/, '')));
  const settle = <
    G extends { quotes: QuoteLists['difficulties'][number]['quotes']; units: number },
  >(
    groups: G[],
  ) =>
    groups
      .map((g) => {
        const quotes = g.quotes.flatMap((q) => {
          if (asWritten(q.text, q.original)) return [q];
          const id = quoteItemId(q.submissionId, q.original);
          const decision = checks.get(id) ?? null;
          items.set(id, {
            id,
            kind: 'quote',
            unitCode: q.unitCode,
            submissionId: q.submissionId,
            decision,
            text: q.text,
            original: q.original,
            section: q.section,
          });
          if (decision?.decision === 'dropped') return [];
          if (decision?.decision === 'edited' && decision.text)
            return [{ ...q, text: decision.text }];
          return [q];
        });
        return { ...g, quotes, units: new Set(quotes.map((q) => q.unitCode)).size };
      })
      .filter((g) => g.quotes.length);
  const out = {
    ...rollup,
    difficulties: settle(rollup.difficulties),
    proposals: settle(rollup.proposals),
    proposalsByAddressee: settle(rollup.proposalsByAddressee),
  };
  return { rollup: out, items: [...items.values()] };
}

const LEFT_OUT_STATES = new Set<UnitState>(['needs_review', 'rejected', 'returned']);

/** Units that sent something the rollup does not count, with the decisive reason. */
export function leftOutItems(rollup: Pick<Rollup, 'units'>, statements: Statements): LeftOutItem[] {
  const { checks } = latestStatements(statements);
  return rollup.units
    .filter((u) => LEFT_OUT_STATES.has(u.state) && u.versions > 0)
    .map((u) => {
      const id = leftOutId(u.unitCode, u.submissionId);
      return {
        id,
        kind: 'left_out' as const,
        unitCode: u.unitCode,
        submissionId: u.submissionId ?? '',
        decision: checks.get(id) ?? null,
        state: u.state,
        reason: u.problems[0] ?? '',
      };
    });
}

/** The counts the signed document states: how many items were checked, how many wait. */
export function checkCounts(
  items: SignItem[],
  figuresLeftOut: number,
  confirmedByUnits: number,
): NonNullable<Rollup['checks']> {
  const count = (d: SignCheck['decision']) =>
    items.filter((i) => i.decision?.decision === d).length;
  return {
    accepted: count('accepted'),
    edited: count('edited'),
    dropped: count('dropped'),
    pending: items.filter((i) => !i.decision).length,
    figuresLeftOut,
    confirmedByUnits,
  };
}
