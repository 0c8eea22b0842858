import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractJson } from '../../bin/commands/parse.js';
import { xlsxForm } from '../../scripts/xlsx-forms.js';
import { readFileContent } from '../../shared/files/read-file.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Signature } from '../../shared/schemas/signature.js';
import { registry2025 } from '../helpers/fixtures.js';

const report = readReport('ỦY BAN NHÂN DÂN\nXÃ CẨM DUỆ\nSố: 12/BC-UBND\n', {
  registry: registry2025(),
});

describe('parse --json keeps the contract', () => {
  it('signatures is always an array, each valid a boolean: true only when verified', () => {
    const signature = fc.record({
      signer: fc.option(fc.string(), { nil: null }),
      organization: fc.option(fc.string(), { nil: null }),
      signedAt: fc.constant(null),
      signedAtSource: fc.constant(null),
      valid: fc.constantFrom(true, false, null),
      coversWholeDocument: fc.boolean(),
      changedAfter: fc.boolean(),
      chainsToTrustList: fc.boolean(),
      problem: fc.option(fc.string(), { nil: null }),
    });
    fc.assert(
      fc.property(fc.option(fc.array(signature, { maxLength: 4 }), { nil: undefined }), (sigs) => {
        const out = contractJson({ ...report, signatures: sigs as Signature[] | undefined });
        expect(Array.isArray(out.signatures)).toBe(true);
        expect(out.signatures).toHaveLength(sigs?.length ?? 0);
        out.signatures!.forEach((s, i) => {
          expect(typeof s.valid).toBe('boolean');
          expect(s.valid).toBe(sigs![i]!.valid === true);
          expect(s.problem).toBe(sigs![i]!.problem);
        });
      }),
    );
  });

  it('a figure no number holds exactly is left out with its reason; any other is shown as written', () => {
    const head =
      'ỦY BAN NHÂN DÂN\nXÃ CẨM DUỆ\nSố: 12/BC-UBND\nBÁO CÁO\nKết quả chuyển đổi số\nI. KẾT QUẢ\n';
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 400 }),
        (lead, digits) => {
          const figure = `${lead}${'0'.repeat(digits - 1)}`;
          const read = readReport(`${head}1. Toàn xã có ${figure} máy tính phục vụ công tác.\n`, {
            registry: registry2025(),
          });
          const out = contractJson(read);
          const exact = BigInt(figure) <= BigInt(Number.MAX_SAFE_INTEGER);
          for (const i of out.indicators)
            expect(Math.abs(i.value ?? 0)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
          const said = out.diagnostics.some((d) => d.code === 'indicators.unsafeNumber');
          expect(said).toBe(!exact && read.indicators.length > 0);
          if (exact && read.indicators.length)
            expect(out.indicators.map((i) => i.value)).toContain(Number(figure));
          expect(JSON.parse(JSON.stringify(out)).indicators).toEqual(out.indicators);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('an Excel cell of any size: a figure past 2^53 is left out with its reason, the rest kept', async () => {
    const layout = {
      columns: ['stt', 'label', 'unit', 'result'] as const,
      twoRowHeader: false,
      numbers: 'number',
      percentFormat: false,
      header: 'columns',
      groups: false,
    } as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 308 }),
        async (m, e) => {
          const huge = Number(`${m}e${e}`);
          // 2e308 and beyond is Infinity, which no cell can hold: not a figure of any size.
          fc.pre(Number.isFinite(huge));
          const rows = [
            { label: 'Số hồ sơ nộp trực tuyến', unit: 'hồ sơ', result: huge, plan: null },
            { label: 'Hộ gia đình có cáp quang', unit: 'hộ', result: 42, plan: null },
          ];
          const bytes = await xlsxForm([
            {
              name: 'Biểu',
              layout: { ...layout, columns: [...layout.columns] },
              unit: 'Nà Hỳ',
              rows,
            },
          ]);
          const content = await readFileContent('bieu.xlsx', bytes);
          if (content.kind !== 'text' || !content.document) throw new Error('no document');
          const out = contractJson(
            readReport(content.text, { registry: registry2025(), document: content.document }),
          );
          const values = out.indicators.map((i) => i.value);
          expect(values).toContain(42);
          const exact = huge <= Number.MAX_SAFE_INTEGER;
          expect(values.includes(huge)).toBe(exact);
          expect(out.diagnostics.some((d) => d.code === 'indicators.unsafeNumber')).toBe(!exact);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
