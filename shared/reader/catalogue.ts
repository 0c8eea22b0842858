import * as z from 'zod';
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
  /** A rate is rolled up as Σ numerators / Σ denominators, a count as a sum. */
  kind: z.enum(['rate', 'count']),
  /** Every pattern must be found in the figure's folded label. */
  match: z.array(Pattern).min(1),
  /** None may be. */
  exclude: z.array(Pattern).optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

const Catalogue = z
  .object({ indicators: z.array(CatalogueEntry).min(1) })
  .refine((c) => new Set(c.indicators.map((e) => e.key)).size === c.indicators.length, {
    message: 'duplicate indicator key',
  });

export const INDICATOR_CATALOGUE: readonly CatalogueEntry[] =
  Catalogue.parse(catalogueData).indicators;

const COMPILED = INDICATOR_CATALOGUE.map((e) => ({
  entry: e,
  match: e.match.map((p) => new RegExp(p)),
  exclude: (e.exclude ?? []).map((p) => new RegExp(p)),
}));

/**
 * The catalogue entry a figure's folded label names. Entries are tried in the file's order and
 * the first of the figure's kind whose patterns all match and whose exclusions do not wins; the
 * file lists the more specific entries first.
 */
export function keyFor(foldedLabel: string, kind: 'rate' | 'count'): string | null {
  for (const c of COMPILED) {
    if (c.entry.kind !== kind) continue;
    if (
      c.match.every((re) => re.test(foldedLabel)) &&
      !c.exclude.some((re) => re.test(foldedLabel))
    )
      return c.entry.key;
  }
  return null;
}
