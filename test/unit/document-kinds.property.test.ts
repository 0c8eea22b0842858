import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreReport } from '../../scripts/generated-score.js';
import {
  generateKindDoc,
  type HeadingStyle,
  KINDS,
  type Kind,
  type ProvinceClue,
  sharesName,
} from '../../scripts/kinds-generator.js';
import { kindText } from '../../scripts/kinds-render.js';
import { readKind, unitPools } from '../../scripts/kinds-score.js';
import { rngOf } from '../../scripts/report-generator.js';
import { readReport } from '../../shared/reader/read-report.js';
import { fold } from '../../shared/text/fold.js';
import { registry2025 } from '../helpers/fixtures.js';

// Documents of kinds the reader's rules were not written on (quyết định, tờ trình, kế hoạch,
// công văn, drafts; headings typed, numbered by Word or bold alone; units whose name several
// provinces share): whatever is read must be right. A field may be null, never wrong.

const registry = registry2025();
const { units, shared } = unitPools(registry);

const options = fc.record({
  kind: fc.constantFrom(...KINDS),
  draft: fc.boolean(),
  clue: fc.constantFrom<ProvinceClue>('kinh-gui', 'province-line', 'request', 'place', 'none'),
  headingStyle: fc.constantFrom<HeadingStyle>('typed', 'word', 'bold'),
});

describe('documents of other kinds are read with nothing wrong', () => {
  it('as text: any kind, draft or not, with or without a clue to the province', () => {
    fc.assert(
      fc.property(fc.integer(), options, (seed, o) => {
        const d = generateKindDoc(rngOf(seed), units, shared, o);
        const r = readReport(kindText(d, rngOf(seed ^ 0x5bd1)), { registry });
        const s = scoreReport(r, d.truth);
        expect(s.problems.filter((p) => !p.endsWith('missing'))).toEqual([]);
        expect(s.wrong).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('as DOCX: headings numbered by Word, typed or bold alone, header and signature in tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), options, async (seed, o) => {
        const d = generateKindDoc(rngOf(seed), units, shared, o);
        const s = scoreReport(await readKind(d, 'docx', seed, registry), d.truth);
        expect(s.problems.filter((p) => !p.endsWith('missing'))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

const kindOf = (k: Kind, draft = false) => ({ kind: k, draft, clue: 'kinh-gui' as const });

describe('a quyết định', () => {
  it('has its title (under QUYẾT ĐỊNH, up to the authority line), no request, no signer from its articles', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const d = generateKindDoc(rngOf(seed), units, shared, kindOf('quyet_dinh'));
        const r = readReport(kindText(d, rngOf(seed)), { registry });
        expect(r.title).toBe(d.truth.titleContains);
        expect(r.requestedBy).toEqual([]);
        expect(r.documentType).toBe('OTHER');
        // Every "Căn cứ …" document is a basis; the proposal (Tờ trình) cited is one too.
        expect(r.basedOn.some((b) => /\/TTr-/.test(b.number))).toBe(true);
        // A name typed in capitals is read as typed.
        expect(fold(r.signer.name ?? '')).toBe(fold(d.truth.signer.name ?? ''));
        expect(r.signer.title).toBe(d.truth.signer.title);
        expect(r.number).toBe(d.truth.number);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a draft', () => {
  it('has no number, date or signer, whatever its mark and kind; its title is read', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...KINDS), (seed, k) => {
        const d = generateKindDoc(rngOf(seed), units, shared, kindOf(k, true));
        const r = readReport(kindText(d, rngOf(seed)), { registry });
        expect([r.number, r.issuedOn, r.signer.name, r.signer.title]).toEqual([
          null,
          null,
          null,
          null,
        ]);
        expect(r.diagnostics.map((x) => x.code)).toContain('document.draft');
      }),
      { numRuns: 60 },
    );
  });
});

describe('a unit whose name several provinces share', () => {
  const sharedDoc = (seed: number, clue: ProvinceClue) => {
    const rng = rngOf(seed);
    let d = generateKindDoc(rng, units, shared, { clue });
    while (!sharesName(d.unit, units)) d = generateKindDoc(rng, units, shared, { clue });
    return d;
  };

  it('is never guessed without a clue: null, and a Vietnamese diagnostic naming the candidates', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const d = sharedDoc(seed, 'none');
        const r = readReport(kindText(d, rngOf(seed)), { registry });
        expect([r.issuer.name, r.province]).toEqual([null, null]);
        const message = r.diagnostics.find((x) => x.code === 'issuer.ambiguous')?.message ?? '';
        expect(message).toContain(`${d.unit.name} (${d.unit.provinceName})`);
      }),
      { numRuns: 30 },
    );
  });

  it('is the one the clue names, whichever clue the text gives', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom<ProvinceClue>('kinh-gui', 'province-line', 'request', 'place'),
        (seed, clue) => {
          const d = sharedDoc(seed, clue);
          const r = readReport(kindText(d, rngOf(seed)), { registry });
          // Null is allowed (a kind without the clue's line); another unit never is.
          if (r.issuer.code) expect(r.issuer.code).toBe(d.unit.code);
          if (r.province) expect(r.province).toBe(d.unit.provinceName);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("is the upload folder's unit when the text gives no clue; a clue that disagrees is said", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const d = sharedDoc(seed, 'none');
        const text = kindText(d, rngOf(seed));
        const r = readReport(text, { registry, unitCode: d.unit.code });
        expect(r.issuer.code).toBe(d.unit.code);
        const other = units.find(
          (u) => u !== d.unit && u.name === d.unit.name && u.level === d.unit.level,
        )!;
        const told = readReport(
          text.replace(
            'Kính gửi: Sở Khoa học và Công nghệ',
            `Kính gửi: Sở Khoa học và Công nghệ tỉnh ${other.provinceName}`,
          ),
          {
            registry,
            unitCode: d.unit.code,
          },
        );
        expect(told.issuer.code).toBe(d.unit.code);
        if (text.includes('Kính gửi: Sở Khoa học và Công nghệ.'))
          expect(told.diagnostics.map((x) => x.code)).toContain('issuer.folderDisagrees');
      }),
      { numRuns: 30 },
    );
  });
});
