import * as z from 'zod';
import { fold } from '../text/fold.js';
import catalogueData from './indicator-catalogue.json' with { type: 'json' };

// The canonical indicators, checked when loaded: a pattern that does not compile, a duplicate key
// or a misspelt kind fails at start-up, not as a silently unmatched figure.

const Pattern = z.string().refine(
  (p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

export const CatalogueEntry = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1),
  unit: z.string().min(1),
  /** Other nouns a count of it may be written in ("chữ ký số" for "chứng thư"). */
  units: z.array(z.string().min(1)).optional(),
  /** A rate is rolled up as Σ numerators / Σ denominators, a count as a sum. */
  kind: z.enum(['rate', 'count']),
  /**
   * The words that define the indicator: every pattern must be found in the figure's own words
   * (label, unit, clause) and in the entry's own name, checked at load.
   */
  defining: z.array(Pattern).min(1),
  /** None may be. */
  exclude: z.array(Pattern).optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

/** An entry whose defining words its own name lacks would file figures that are not about it. */
const DefinedEntry = CatalogueEntry.refine(
  (e) => e.defining.every((p) => new RegExp(p).test(fold(e.name))),
  { message: "a defining pattern is not found in the entry's own name" },
);

const Catalogue = z
  .object({ indicators: z.array(DefinedEntry).min(1) })
  .refine((c) => new Set(c.indicators.map((e) => e.key)).size === c.indicators.length, {
    message: 'duplicate indicator key',
  });

/** The catalogue as the schema reads it, as JSON: the CLI build checks it once (scripts/build-cli.mjs). */
export const checkedCatalogueJson = (): string =>
  JSON.stringify(Catalogue.parse(catalogueData).indicators);

// Set by the CLI build to checkedCatalogueJson(): the same entries, checked when dist/ was built
// instead of at every start (about 30 ms of a `tonghop parse`). Unset everywhere else.
declare const TONGHOP_CHECKED_CATALOGUE: string | undefined;

export const INDICATOR_CATALOGUE: readonly CatalogueEntry[] =
  typeof TONGHOP_CHECKED_CATALOGUE === 'string'
    ? (JSON.parse(TONGHOP_CHECKED_CATALOGUE) as CatalogueEntry[])
    : Catalogue.parse(catalogueData).indicators;

const COMPILED = INDICATOR_CATALOGUE.map((e) => ({
  entry: e,
  defining: e.defining.map((p) => new RegExp(p)),
  exclude: (e.exclude ?? []).map((p) => new RegExp(p)),
}));

/**
 * The catalogue entry a figure's folded label names. Entries are tried in the file's order and
 * the first of the figure's kind (and, for a count, of its noun) whose defining patterns all
 * match and whose exclusions do not wins; the file lists the more specific entries first.
 */
export function keyFor(
  foldedLabel: string,
  kind: 'rate' | 'count',
  unit: string | null = null,
): string | null {
  for (const c of COMPILED) {
    if (c.entry.kind !== kind) continue;
    // "kiện toàn Tổ công nghệ số ở 12 thôn" counts villages, not teams: a count in another noun
    // than the indicator's is not it.
    if (kind === 'count' && unit && ![c.entry.unit, ...(c.entry.units ?? [])].includes(unit))
      continue;
    if (
      c.defining.every((re) => re.test(foldedLabel)) &&
      !c.exclude.some((re) => re.test(foldedLabel))
    )
      return c.entry.key;
  }
  return null;
}
