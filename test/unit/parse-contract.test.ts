import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractJson } from '../../bin/commands/parse.js';
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
});
