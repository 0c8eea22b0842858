import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedCatalogueJson, INDICATOR_CATALOGUE } from '../../shared/reader/catalogue.js';
import {
  canonicalSyllable,
  hasSyllableShape,
  shippedSyllablesJson,
  syllableInventory,
} from '../../shared/text/words/inventory.js';
import { generateSyllables } from '../../shared/text/words/syllable-grammar.js';

const root = join(import.meta.dirname, '..', '..');
type Built = {
  INDICATOR_CATALOGUE: typeof INDICATOR_CATALOGUE;
  canonicalSyllable: typeof canonicalSyllable;
  hasSyllableShape: typeof hasSyllableShape;
  syllableInventory: typeof syllableInventory;
};

/** The modules bundled as scripts/build-cli.mjs bundles the CLI: with the build-time data defined. */
async function builtWithData(): Promise<Built> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'tonghop-build-time-')), 'built.mjs');
  await build({
    stdin: {
      contents: [
        "export { INDICATOR_CATALOGUE } from './shared/reader/catalogue.ts';",
        "export * from './shared/text/words/inventory.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    define: {
      TONGHOP_CHECKED_CATALOGUE: JSON.stringify(checkedCatalogueJson()),
      TONGHOP_SYLLABLES: JSON.stringify(shippedSyllablesJson()),
    },
  });
  return import(pathToFileURL(outfile).href);
}

/** The inventory as plain data: every frame's families and their syllables, in order. */
const framesOf = (inv: ReturnType<typeof syllableInventory>) =>
  [...inv.byFrame].map(([k, families]) => [k, families.map((f) => f.syllables)]);

describe('data the CLI build computes once instead of at every start', () => {
  const built = builtWithData();

  it('the catalogue checked at build time is the catalogue checked at start, entry for entry', async () => {
    const b = await built;
    expect(b.INDICATOR_CATALOGUE).toEqual(INDICATOR_CATALOGUE);
    expect(b.INDICATOR_CATALOGUE.length).toBeGreaterThan(5);
  });

  it('the shipped syllables give the inventory the grammar generates', async () => {
    const b = await built;
    expect(framesOf(b.syllableInventory())).toEqual(framesOf(syllableInventory()));
    expect([...b.syllableInventory().byToneless]).toEqual([...syllableInventory().byToneless]);
    expect([...b.syllableInventory().leads]).toEqual([...syllableInventory().leads]);
    expect([...b.syllableInventory().trails]).toEqual([...syllableInventory().trails]);
  });

  it('every syllable and any word is judged the same way by both', async () => {
    const b = await built;
    for (const { text } of generateSyllables()) {
      expect(b.canonicalSyllable(text)).toEqual(canonicalSyllable(text));
    }
    const letters = [...'abcdđeghiklmnopqrstuvxyàáảãạăằắâấêếôồơớưừýỳ0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 8 }), (chars) => {
        const word = chars.join('');
        expect(b.canonicalSyllable(word)).toEqual(canonicalSyllable(word));
        expect(b.hasSyllableShape(word)).toBe(hasSyllableShape(word));
      }),
      { numRuns: 2000 },
    );
  });

  it('a word found before the inventory is built is the inventory object itself', async () => {
    // Word repair compares candidates with the word's own syllable by identity.
    const b = await built;
    const early = b.canonicalSyllable('nghiêng');
    const family = b
      .syllableInventory()
      .byFrame.get('ngh|ng')
      ?.flatMap((f) => f.syllables)
      .find((s) => s.text === 'nghiêng');
    expect(early).not.toBeNull();
    expect(family).toBe(early);
  });
});
