import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { uniquelyNamedUnits } from '../../scripts/generated-score.js';
import { WORD_FORMATS, type WordStyle, wordReport } from '../../scripts/report-docx.js';
import { generateReport, rngOf } from '../../scripts/report-generator.js';
import { readDocx } from '../../shared/files/decode-docx.js';
import { documentText, layoutDocument } from '../../shared/files/document-text.js';
import { registry2025 } from '../helpers/fixtures.js';

// Metamorphic properties of the DOCX reader's fast paths: the same Word document written in any
// of the forms XML allows for it reads to the same document model. The reader keeps saxes's
// attributes as they are when a part binds Word's namespaces to their usual prefixes (w, r, mc)
// and renames them otherwise; it decodes UTF-8 with or without a byte-order mark; and it does not
// lay a document out twice. Each must give what the general path gives.

const units = uniquelyNamedUnits(registry2025());

const style: fc.Arbitrary<WordStyle> = fc.record({
  numbering: fc.constantFrom('typed' as const, 'word' as const),
  format: fc.constantFrom(...WORD_FORMATS),
  headingStyle: fc.boolean(),
  figures: fc.constantFrom('lines' as const, 'table' as const),
  footnote: fc.boolean(),
  splitRuns: fc.boolean(),
  textBox: fc.boolean(),
  subItems: fc.boolean(),
});

const PARTS = /^word\/(document|numbering|styles|footnotes|endnotes|header\d*|footer\d*)\.xml$/;

/** Every Word part of the package rewritten by `change` (its text, as decoded UTF-8). */
async function rewritten(
  bytes: Uint8Array,
  change: (xml: string) => string | Uint8Array,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => PARTS.test(n)))
    zip.file(name, change(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Word's namespaces bound to other prefixes, in every tag's name and attribute names. */
function otherPrefixes(xml: string, to: Record<string, string>): string {
  const renamed = (all: string, before: string, prefix: string, after: string) =>
    to[prefix] ? `${before}${to[prefix]}${after}` : all;
  return xml.replace(/<[^>]*>/g, (tag) =>
    tag.replace(/([<\s/])(w|r|mc)(:)/g, renamed).replace(/(xmlns:)(w|r|mc)(=)/g, renamed),
  );
}

const prefixes = fc.record({
  w: fc.constantFrom('w', 'ns0', 'wx', 'word'),
  r: fc.constantFrom('r', 'rel', 'ns1'),
  mc: fc.constantFrom('mc', 'compat', 'ns2'),
});

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('the same DOCX written in another XML form reads to the same model', () => {
  it('namespace prefixes renamed, a UTF-8 byte-order mark, UTF-16: the same model and text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), style, prefixes, async (seed, s, to) => {
        const bytes = await wordReport(generateReport(rngOf(seed), units), s);
        const model = json(await readDocx(bytes));
        const renamed = await rewritten(bytes, (xml) => otherPrefixes(xml, to));
        expect(json(await readDocx(renamed))).toEqual(model);
        const bom = await rewritten(bytes, (xml) => `\ufeff${xml}`);
        expect(json(await readDocx(bom))).toEqual(model);
        const utf16 = await rewritten(bytes, (xml) =>
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]),
        );
        expect(json(await readDocx(utf16))).toEqual(model);
      }),
      { numRuns: 12 },
    );
  });

  it('a renaming that changes what a name means changes the model: the property can fail', async () => {
    const bytes = await wordReport(generateReport(rngOf(7), units), {
      numbering: 'word',
      format: WORD_FORMATS[0]!,
      headingStyle: false,
      figures: 'table',
      footnote: false,
      splitRuns: false,
      textBox: false,
      subItems: false,
    });
    // The tags renamed but not their namespace declaration: no longer Word's elements.
    const broken = await rewritten(bytes, (xml) =>
      otherPrefixes(xml, { w: 'ns0' }).replace('xmlns:ns0=', 'xmlns:w='),
    );
    expect(json(await readDocx(broken))).not.toEqual(json(await readDocx(bytes)));
  });

  it("a decoded document's text is the text of its layout made afresh", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), style, async (seed, s) => {
        const doc = await readDocx(await wordReport(generateReport(rngOf(seed), units), s));
        expect(documentText(doc)).toBe(layoutDocument(structuredClone(doc)).text);
      }),
      { numRuns: 12 },
    );
  });
});
