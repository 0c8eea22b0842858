import type { Report, Section } from '../schemas/report.js';
import { fold } from '../text/fold.js';
import { domainWordModel } from '../text/words/domain-model.js';
import { repairWords, type TextShape, textShape } from '../text/words/repair-words.js';
import type { WordModel } from '../text/words/word-model.js';
import type { UnitRegistry } from '../units/registry.js';
import { INDICATOR_CATALOGUE } from './indicators.js';

// What people read of a report (its title, the signer's name, section headings, and the
// difficulties and proposals the rollup quotes) goes through word repair, so the Department's
// document does not quote OCR damage; the text as read is kept beside each repaired field.

const models = new WeakMap<UnitRegistry, WordModel>();
let withoutRegistry: WordModel | undefined;

/** The domain word model plus the registry's unit and province names and the catalogue's labels. */
export function readerWordModel(registry?: UnitRegistry): WordModel {
  const cached = registry ? models.get(registry) : withoutRegistry;
  if (cached) return cached;
  const labels = { phrases: INDICATOR_CATALOGUE.map((e) => e.name), weight: 1 };
  const names = registry
    ? registry
        .provinces()
        .flatMap((p) => [`tỉnh ${p.name}`, ...registry.unitsOf(p.code).map((u) => u.name)])
    : [];
  const model = domainWordModel([labels, { phrases: names, weight: 2, priorWeight: 0.05 }]);
  if (registry) models.set(registry, model);
  else withoutRegistry = model;
  return model;
}

/**
 * The document's own names (its unit, its province) spelled as the registry spells them wherever
 * the text has them without their diacritics ("xa Dién Chau" → "xa Diễn Châu"): repair then keeps
 * them, instead of reading them as common words ("Dân Chủ").
 */
function pinNames(text: string, names: string[]): string {
  let out = text;
  const folded = fold(text);
  for (const name of names) {
    const key = fold(name);
    if (key.length < 3) continue;
    let at = folded.indexOf(key);
    while (at >= 0) {
      const before = folded[at - 1];
      const after = folded[at + key.length];
      if (!(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after))) {
        const span = out.slice(at, at + key.length);
        const spelled = span === span.toUpperCase() ? name.toUpperCase() : name;
        out = out.slice(0, at) + spelled + out.slice(at + key.length);
      }
      at = folded.indexOf(key, at + key.length);
    }
  }
  return out;
}

/**
 * `repair` applied to the text between the document's own names: a name the registry spells
 * ("Ya Ly", "Ea Kar", "D'Ran") is no misread word, whatever its syllables.
 */
function aroundNames(text: string, names: string[], repair: (t: string) => string): string {
  const folded = fold(text);
  const spans: Array<[number, number]> = [];
  for (const name of names) {
    const key = fold(name);
    if (key.length < 2) continue;
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + key.length)) {
      const edge = (c: string | undefined) => !c || !/[a-z0-9]/.test(c);
      if (edge(folded[at - 1]) && edge(folded[at + key.length])) spans.push([at, at + key.length]);
    }
  }
  if (!spans.length) return repair(text);
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  for (const [a, z] of spans) {
    if (a < from) continue;
    if (a > from) out += repair(text.slice(from, a));
    out += text.slice(a, z);
    from = z;
  }
  return out + (from < text.length ? repair(text.slice(from)) : '');
}

const QUOTED = new Set<Section['kind']>(['difficulties', 'causes', 'proposals']);

const quotesRepaired = new Map<string, string>();

/**
 * A point quoted from a view stored before the reader repaired words, as the Department's
 * document shows it: judged on its own words (the document is not at hand), repaired as the
 * reader repairs, typed text left alone. The same words from many units are repaired once.
 */
export function repairStoredQuote(text: string): string {
  const known = quotesRepaired.get(text);
  if (known !== undefined) return known;
  const shape = textShape(text);
  const damaged = shape.damage > 0 || shape.density < 0.4;
  const out = damaged ? repairWords(text, readerWordModel(), { shape }).text : text;
  if (quotesRepaired.size < 20_000) quotesRepaired.set(text, out);
  return out;
}

/**
 * Typed Vietnamese: most words carry diacritics and almost none is invalid (a loanword, an
 * abbreviation). Its words are what the author wrote; repair is for scans and plain keyboards.
 */
const typed = (shape: TextShape) => shape.density >= 0.6 && shape.damage < 0.02;

// Characters no Vietnamese word has inside it: a typed document's stray OCR or typing damage.
const ODD_CHAR = /[j€¢¥'’0-9]/i;
const ODD_WORD = /\p{L}[j€¢¥'’0-9]|[€¢¥'’]\p{L}/u;

/** In typed text only the words with such characters are mended ("Nghj" → "Nghị", "d6i"). */
function mendOddWords(text: string, model: WordModel): string {
  if (!ODD_WORD.test(text)) return text;
  let out = '';
  let from = 0;
  for (const c of repairWords(text, model).changes) {
    if (!ODD_CHAR.test(c.from)) continue;
    out += text.slice(from, c.index) + c.to;
    from = c.index + c.from.length;
  }
  return out + text.slice(from);
}

/**
 * The report with its display fields repaired. `documentText` is the whole text read: whether it
 * is typed, stripped of diacritics or OCR-damaged is judged on all of it, not on one heading.
 */
export function withDisplayText(
  report: Report,
  documentText: string,
  registry?: UnitRegistry,
  ownNames: readonly string[] = [],
): Report {
  const shape = textShape(documentText);
  const isTyped = typed(shape);
  // Typed: only the display fields are looked at (a scan of the whole text costs the reader).
  const shown = [
    report.title ?? '',
    ...report.sections.flatMap((s) => [s.heading, QUOTED.has(s.kind) ? s.text : '']),
  ];
  if (isTyped && !shown.some((t) => ODD_WORD.test(t))) return report;
  const model = readerWordModel(registry);
  const names = [report.issuer.name, report.province, ...ownNames].filter((n): n is string => !!n);
  const fix = isTyped
    ? (text: string) => aroundNames(text, names, (t) => mendOddWords(t, model))
    : (text: string) =>
        aroundNames(pinNames(text, names), names, (t) => repairWords(t, model, { shape }).text);
  // A name is spelled as its bearer spells it: restore its diacritics, never its letters.
  const fixName = (text: string) =>
    isTyped ? text : repairWords(text, model, { shape, lettersFixed: true }).text;
  const title = report.title === null ? null : fix(report.title);
  const name = report.signer.name;
  const signerName = name === null ? null : fixName(name);
  const sections = report.sections.map((s) => {
    const heading = fix(s.heading);
    const text = QUOTED.has(s.kind) ? fix(s.text) : s.text;
    return {
      ...s,
      heading,
      text,
      ...(heading !== s.heading && { headingOriginal: s.heading }),
      ...(text !== s.text && { textOriginal: s.text }),
    };
  });
  return {
    ...report,
    title,
    ...(report.title !== null && title !== report.title && { titleOriginal: report.title }),
    signer: {
      ...report.signer,
      name: signerName,
      ...(name !== null && signerName !== name && { nameOriginal: name }),
    },
    sections,
  };
}
