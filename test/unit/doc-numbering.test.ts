import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docNumbering, numberedMarks } from '../../shared/files/doc/doc-lists.js';
import { bodyBlocks } from '../../shared/files/doc/doc-model.js';
import { shownText } from '../../shared/files/document-text.js';
import { docxNumbering } from '../../shared/files/docx/numbering.js';
import { parseXmlTree } from '../../shared/files/docx/xml-tree.js';
import { readFileContent } from '../../shared/files/read-file.js';
import { readReport } from '../../shared/reader/read-report.js';
import {
  type InstanceDef,
  type LevelDef,
  type ListDef,
  numberingXml,
  plfLfo,
  plfLst,
  stsh,
} from '../helpers/doc-lists.js';
import { fixturePath, registry2025 } from '../helpers/fixtures.js';

const FORMATS = [
  { name: 'decimal', nfc: 0 },
  { name: 'upperRoman', nfc: 1 },
  { name: 'lowerRoman', nfc: 2 },
  { name: 'upperLetter', nfc: 3 },
  { name: 'lowerLetter', nfc: 4 },
  { name: 'decimalZero', nfc: 22 },
  { name: 'none', nfc: 255 },
];

/** Label templates offices use for a level `i` (0-based): "I.", "Phần I", "1.1.", "a)", "(1)". */
const template = (i: number): fc.Arbitrary<string> =>
  fc.constantFrom(
    `%${i + 1}.`,
    `Phần %${i + 1}`,
    `PHẦN %${i + 1}:`,
    `%${i + 1})`,
    `(%${i + 1})`,
    i > 0 ? `%${i}.%${i + 1}.` : 'Mục %1.',
    i > 1 ? `%1.%${i}.%${i + 1}` : `%${i + 1}/`,
  );

const level = (i: number): fc.Arbitrary<LevelDef> =>
  fc.record(
    {
      start: fc.integer({ min: 0, max: 30 }),
      format: fc.constantFrom(...FORMATS),
      text: template(i),
      restart: fc.integer({ min: 0, max: i }),
      legal: fc.boolean(),
    },
    { requiredKeys: ['start', 'format', 'text'] },
  );

const list = (lsid: number): fc.Arbitrary<ListDef> =>
  fc
    .oneof(fc.tuple(level(0)), fc.tuple(...Array.from({ length: 9 }, (_, i) => level(i))))
    .map((levels) => ({ lsid, levels }));

const numberingCase = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
  .chain(([lists, instances]) =>
    fc.record({
      lists: fc.tuple(...Array.from({ length: lists }, (_, i) => list(100 + i))),
      instances: fc.array(
        fc.record({
          lsid: fc.integer({ min: 100, max: 99 + lists }),
          starts: fc.uniqueArray(
            fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 20 })),
            {
              selector: ([l]) => l,
              maxLength: 2,
            },
          ),
        }) as fc.Arbitrary<InstanceDef>,
        { minLength: instances, maxLength: instances },
      ),
      paragraphs: fc.array(
        fc.record({
          ilfo: fc.integer({ min: 1, max: instances }),
          ilvl: fc.integer({ min: 0, max: 8 }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
    }),
  );

describe('Word numbering read from a .doc list table', () => {
  it('gives each paragraph the label of its numbering.xml twin (formats, templates, starts, overrides)', () => {
    fc.assert(
      fc.property(numberingCase, ({ lists, instances, paragraphs }) => {
        const doc = docNumbering({
          lst: plfLst(lists),
          lfo: plfLfo(instances),
          stsh: Buffer.alloc(0),
          paragraphs: [],
        });
        const docx = docxNumbering(parseXmlTree(numberingXml(lists, instances)));
        expect(doc).not.toBeNull();
        for (const p of paragraphs) {
          const inDoc = doc!.next(String(p.ilfo), p.ilvl);
          const inDocx = docx.next(String(p.ilfo), p.ilvl);
          expect(inDoc?.label ?? null).toBe(inDocx?.label ?? null);
          expect(inDoc?.format).toBe(inDocx?.format);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('labels as Word shows them: "Phần I.", "I.1.", a heading style\'s list, a restarting instance', () => {
    const lists: ListDef[] = [
      {
        lsid: 7,
        levels: [
          { start: 1, format: FORMATS[1]!, text: 'Phần %1.' },
          { start: 1, format: FORMATS[0]!, text: '%1.%2.' },
        ],
      },
    ];
    const body = 'Mở đầu\rKết quả\rTuyên truyền\rChuyển đổi số\rKhó khăn\rKiến nghị\rGhi chú\r';
    const cps = [...body.matchAll(/\r/g)].map((m) => m.index);
    // Style 2 ("Part Heading") is based on style 1, which carries list 1 at level 0 (Heading 1 in Word).
    const sheet = stsh([
      { name: 'Normal', base: 0xfff },
      { name: 'Part Base', base: 0xfff, ilfo: 1, ilvl: 0 },
      { name: 'Part Heading', base: 1 },
    ]);
    // [cp, istd, ilfo, ilvl]: -1 where the paragraph sets nothing of its own.
    const marks = [
      [cps[0]!, 0, -1, -1],
      [cps[1]!, 2, -1, -1],
      [cps[2]!, 0, 1, 1],
      [cps[3]!, 2, -1, 1],
      [cps[4]!, 2, -1, -1],
      [cps[5]!, 0, 2, 0],
      [cps[6]!, 2, 0, -1],
    ].flat();
    const bytes = {
      lst: plfLst(lists),
      lfo: plfLfo([
        { lsid: 7, starts: [] },
        { lsid: 7, starts: [[0, 1]] },
      ]),
      stsh: sheet,
      paragraphs: marks,
    };
    const { blocks } = bodyBlocks(body, {
      numbering: docNumbering(bytes),
      marks: numberedMarks(bytes),
    });
    const shown = blocks.map((b) => (b.kind === 'paragraph' ? [b.label, b.text] : null));
    expect(shown).toEqual([
      [null, 'Mở đầu'],
      ['Phần I.', 'Kết quả'],
      ['I.1.', 'Tuyên truyền'],
      ['I.2.', 'Chuyển đổi số'],
      ['Phần II.', 'Khó khăn'],
      // The second instance restarts level 1 at 1 (LFOLVL fStartAt): a counter of its own.
      ['Phần I.', 'Kiến nghị'],
      // Its own ilfo 0 takes the style's numbering away.
      [null, 'Ghi chú'],
    ]);
  });

  it('a sub-item before any heading counts its heading as met: "I.1." then "II." (as LibreOffice shows it)', () => {
    const lists: ListDef[] = [
      {
        lsid: 3,
        levels: [
          { start: 1, format: FORMATS[1]!, text: '%1.' },
          { start: 1, format: FORMATS[0]!, text: '%1.%2.' },
        ],
      },
    ];
    const instances: InstanceDef[] = [{ lsid: 3, starts: [] }];
    const doc = docNumbering({
      lst: plfLst(lists),
      lfo: plfLfo(instances),
      stsh: Buffer.alloc(0),
      paragraphs: [],
    })!;
    const docx = docxNumbering(parseXmlTree(numberingXml(lists, instances)));
    for (const numbering of [doc, docx])
      expect([1, 1, 0, 1, 0].map((l) => numbering.next('1', l)?.label)).toEqual([
        'I.1.',
        'I.2.',
        'II.',
        'II.1.',
        'III.',
      ]);
  });

  it('a list table truncated or overwritten anywhere gives no label, never an error', () => {
    const lst = plfLst([{ lsid: 1, levels: [{ start: 1, format: FORMATS[1]!, text: '%1.' }] }]);
    const lfo = plfLfo([{ lsid: 1, starts: [[0, 3]] }]);
    const sheet = stsh([{ name: 'Normal', base: 0xfff, ilfo: 1 }]);
    fc.assert(
      fc.property(
        fc.constantFrom('lst' as const, 'lfo' as const, 'stsh' as const),
        fc.nat(),
        fc.uint8Array({ minLength: 0, maxLength: 8 }),
        fc.boolean(),
        (which, at, garbage, truncate) => {
          const bytes = {
            lst: Buffer.from(lst),
            lfo: Buffer.from(lfo),
            stsh: Buffer.from(sheet),
            paragraphs: [0, 0, 1, 0],
          };
          const target = bytes[which];
          const cut = at % (target.length + 1);
          bytes[which] = truncate ? target.subarray(0, cut) : Buffer.from(target);
          if (!truncate) bytes[which].set(garbage.subarray(0, target.length - cut), cut);
          const numbering = docNumbering(bytes);
          const label = numbering?.next('1', 0);
          // A label, when one is given, is made of the template's characters and a counter.
          if (label?.label) expect(label.label.length).toBeLessThan(200);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// .doc files LibreOffice saved from generated reports numbered by Word, and the lines LibreOffice
// itself shows for their numbered paragraphs (scripts/make-doc-fixtures.ts).
const shown = JSON.parse(readFileSync(fixturePath('doc/labels.json'), 'utf8')) as Record<
  string,
  string[]
>;

describe('a .doc whose headings Word numbers', () => {
  it.each(Object.keys(shown))(
    '%s: each numbered paragraph shows the label LibreOffice shows',
    async (name) => {
      const content = await readFileContent(
        `${name}.doc`,
        readFileSync(fixturePath(`doc/${name}.doc`)),
      );
      if (content.kind !== 'text' || !content.document) throw new Error('no document');
      const numbered = content.document.blocks.flatMap((b) =>
        b.kind === 'paragraph' && b.label && shown[name]!.some((l) => l.endsWith(b.text))
          ? [shownText(b)]
          : [],
      );
      expect(numbered).toEqual(shown[name]);
      // The reader finds a part at every heading, its label included.
      const report = readReport(content.text, {
        registry: registry2025(),
        document: content.document,
      });
      const headings = shown[name]!.filter((l) => !l.endsWith('Công tác chỉ đạo, điều hành'));
      expect(report.sections.map((s) => s.heading)).toEqual(headings);
    },
  );
});
