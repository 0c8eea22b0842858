import { repairStoredQuote } from '../reader/display-text.js';
import { isFormula } from '../reader/formulas.js';
import { sectionLabel } from '../reader/section-label.js';
import { Addressee, type Quote, type Rollup, Theme } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import { fold } from '../text/fold.js';
import { shorten } from './points.js';
import { addresseesOf, themeOf } from './theme-patterns.js';

export const THEME_TITLES: Record<Theme, string> = {
  funding: 'Kinh phí, nguồn lực tài chính',
  staff: 'Nhân lực, trình độ cán bộ',
  infrastructure: 'Hạ tầng, trang thiết bị',
  guidance: 'Cơ chế, văn bản hướng dẫn sau sắp xếp chính quyền địa phương hai cấp',
  citizen_skills: 'Kỹ năng số của người dân',
  other: 'Vấn đề khác',
};

export const ADDRESSEE_TITLES: Record<Addressee, string> = {
  science_department: 'Sở Khoa học và Công nghệ',
  finance_department: 'Sở Tài chính',
  provincial_committee: 'UBND tỉnh',
  central_government: 'Trung ương (Chính phủ, các bộ, ngành)',
  unspecified: 'Chưa nêu cơ quan nhận',
};

// The order of the rollup's groups is the schema's: one list to change.
const THEME_ORDER = Theme.options;
const ADDRESSEE_ORDER = Addressee.options;

interface Grouped<K extends string> {
  key: K;
  title: string;
  units: number;
  quotes: Quote[];
}

function group<K extends string>(
  order: readonly K[],
  titles: Record<K, string>,
  entries: Array<{ keys: K[]; quote: Quote }>,
): Array<Grouped<K>> {
  const byKey = new Map<K, Quote[]>(order.map((k) => [k, []]));
  for (const e of entries) for (const k of e.keys) byKey.get(k)!.push(e.quote);
  return order
    .map((key) => {
      const quotes = byKey.get(key)!;
      return {
        key,
        title: titles[key],
        units: new Set(quotes.map((q) => q.unitCode)).size,
        quotes,
      };
    })
    .filter((g) => g.quotes.length > 0)
    .sort((a, b) => b.units - a.units || order.indexOf(a.key) - order.indexOf(b.key));
}

/**
 * A document born as an office file (Word, Excel) and read without OCR: its words are the
 * commune's own and are quoted as typed. Text from PDFs, plain text and scans may carry OCR
 * damage and is shown repaired, its original beside it (and on the pre-sign list).
 */
const TYPED_FORMATS = new Set(['docx', 'doc', 'xlsx', 'xls', 'odt']);
export const isTypedOffice = (s: Pick<RollupSubmission, 'file' | 'diagnostics'>) =>
  TYPED_FORMATS.has(s.file.format ?? '') && !s.diagnostics.some((d) => d.code === 'ocr.read');

/** How a point is shown: OCR damage repaired, one line, table-sized. */
export type Repair = (text: string) => string;

type TextPart = Pick<Rollup, 'difficulties' | 'proposals' | 'proposalsByAddressee'>;

/**
 * Difficulties (with their causes) and proposals of the accepted reports, grouped by theme with
 * the number of units raising each; proposals also by whom they address. Quotes show the
 * repaired text and keep the original.
 */
export function consolidateText(
  accepted: RollupSubmission[],
  repair: Repair = repairStoredQuote,
): TextPart {
  const difficulties: Array<{ keys: Theme[]; quote: Quote }> = [];
  const proposals: Array<{ keys: Theme[]; addressees: Addressee[]; quote: Quote }> = [];
  for (const s of accepted) {
    const typed = isTypedOffice(s);
    for (const point of s.view?.points ?? []) {
      // The reader repaired the point (its original kept); a view stored before it was not.
      const read = point.original ?? point.text;
      // A view stored before formulas were told apart may hold one: it is never quoted. (A typed
      // point's text is its original: checked once.)
      if (isFormula(read) || (point.text !== read && isFormula(point.text))) continue;
      const shown = shorten(
        typed ? read : point.original === undefined ? repair(point.text) : point.text,
      );
      const quote: Quote = {
        text: shown,
        original: point.original ?? point.text,
        unitCode: s.unitCode,
        // The section as its repaired number and kind: the heading as read may be OCR's.
        section: sectionLabel(point.section, point.kind),
        submissionId: s.submissionId,
      };
      // Classified on the repaired text: OCR damage would otherwise send points to "other".
      // Folded once: the theme, the addressees and the distinct quotes all match on it.
      const folded = fold(shown);
      FOLDED.set(quote, folded);
      const keys = [themeOf(shown, folded)];
      if (point.kind === 'proposals')
        proposals.push({ keys, addressees: addresseesOf(shown, folded), quote });
      else difficulties.push({ keys, quote });
    }
  }
  return {
    difficulties: group(THEME_ORDER, THEME_TITLES, difficulties).map(({ key, ...g }) => ({
      ...g,
      theme: key,
    })),
    proposals: group(THEME_ORDER, THEME_TITLES, proposals).map(({ key, ...g }) => ({
      ...g,
      theme: key,
    })),
    proposalsByAddressee: group(
      ADDRESSEE_ORDER,
      ADDRESSEE_TITLES,
      proposals.map((p) => ({ keys: p.addressees, quote: p.quote })),
    ).map(({ key, ...g }) => ({ ...g, addressee: key })),
  };
}

/** Each quote's text folded, as the rollup made it (quotes are never changed, only copied). */
const FOLDED = new WeakMap<Quote, string>();
/** A quote's text folded: made once per quote by `consolidateText`, else now. */
export const foldedQuote = (q: Quote): string => FOLDED.get(q) ?? fold(q.text);

/** Each quote list's distinct quotes: the DOCX and the HTML group the same lists. */
const DISTINCT = new WeakMap<Quote[], Array<{ text: string; unitCodes: string[] }>>();

/**
 * Quotes with the same words (boilerplate many units copy) shown once, with all their units.
 * Computed once per list (the renderers only read the result).
 */
export function distinctQuotes(quotes: Quote[]): Array<{ text: string; unitCodes: string[] }> {
  const known = DISTINCT.get(quotes);
  if (known) return known;
  const byText = new Map<string, { text: string; units: Set<string> }>();
  for (const q of quotes) {
    const key = foldedQuote(q)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const entry = byText.get(key);
    if (entry) entry.units.add(q.unitCode);
    else byText.set(key, { text: q.text, units: new Set([q.unitCode]) });
  }
  const out = [...byText.values()]
    .map((e) => ({ text: e.text, unitCodes: [...e.units] }))
    .sort((a, b) => b.unitCodes.length - a.unitCodes.length);
  DISTINCT.set(quotes, out);
  return out;
}
