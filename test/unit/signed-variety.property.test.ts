import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issued } from '../../scripts/test-pki.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';
import { DIEN_CHAU, reportPdf, type SignedSet, signedSet } from '../helpers/signed-files.js';

// Signed PDFs as communes send them, generated: the signing time in the signed attribute, in a
// timestamp token or only in the dictionary's /M; the organisation alone or a person first; the
// intermediate carried in the file or only in the trust list (or nowhere); the committee's name
// spelled "UỶ BAN", "ỦY BAN" or "UBND", with or without its province after it; the file's own
// unit or another. What the submission says follows from these, and nothing else.

let set: SignedSet;
let plain: Buffer;
const orgs = new Map<string, Issued>();
beforeAll(async () => {
  set = await signedSet();
  plain = await reportPdf();
});

const COMMITTEE = ['UỶ BAN NHÂN DÂN', 'ỦY BAN NHÂN DÂN', 'UBND', 'Ủy ban nhân dân'];
const UNIT = { own: 'XÃ DIỄN CHÂU', other: 'XÃ QUỲNH LƯU' } as const;
const PROVINCE = ['', ', TỈNH NGHỆ AN', ' - TỈNH NGHỆ AN', ' TỈNH NGHỆ AN', ' (Nghệ An)'];

async function org(name: string): Promise<Issued> {
  let found = orgs.get(name);
  if (!found) {
    found = await set.pki.organization(name, 'Nghệ An');
    orgs.set(name, found);
  }
  return found;
}

const case_ = fc.record({
  time: fc.constantFrom('cms' as const, 'timestamp' as const, 'none' as const),
  person: fc.boolean(),
  carried: fc.boolean(),
  list: fc.constantFrom('root', 'intermediate', 'both', 'none'),
  committee: fc.constantFrom(...COMMITTEE),
  unit: fc.constantFrom('own' as const, 'other' as const),
  province: fc.constantFrom(...PROVINCE),
});

describe('signed PDFs as sent (property)', () => {
  it('time source, chain, signer names and unit decide the result, and only they', async () => {
    await fc.assert(
      fc.asyncProperty(case_, async (c) => {
        const name = `${c.committee} ${UNIT[c.unit]}${c.province}`;
        const chain = c.carried ? [set.pki.intermediate] : [];
        let pdf = plain;
        if (c.person) pdf = await set.sign(pdf, set.person, { chain, time: c.time });
        pdf = await set.sign(pdf, await org(name), { chain, time: c.time });
        const list = {
          root: [set.pki.root.der],
          intermediate: [set.pki.intermediate.der],
          both: [set.pki.root.der, set.pki.intermediate.der],
          none: [],
        }[c.list];
        const m = memoryIngest({ deps: { trustList: async () => list } });
        const { submission: s } = await m.upload(inboxKey(DIEN_CHAU, 'bao-cao-ky-so.pdf'), pdf);
        const sigs = s.report?.signatures ?? [];
        expect(sigs).toHaveLength(c.person ? 2 : 1);
        const chains =
          c.list === 'intermediate' || c.list === 'both' || (c.list === 'root' && c.carried);
        for (const sig of sigs) {
          expect(sig.valid).toBe(true);
          expect(sig.changedAfter).toBe(false);
          expect(sig.signedAtSource).toBe(c.time === 'none' ? 'dictionary' : c.time);
          expect(sig.signedAt).toBe('2026-11-18T02:12:00.000Z');
          expect(sig.chainsToTrustList).toBe(chains);
        }
        expect(sigs.map((x) => x.coversWholeDocument)).toEqual(c.person ? [false, true] : [true]);
        const codes = s.diagnostics.map((d) => d.code);
        expect(codes.includes('signature.otherUnit')).toBe(c.unit === 'other');
        if (c.unit === 'other') expect(s.status).toBe('needs_review');
        else {
          expect(
            codes.filter((x) => x?.startsWith('signature.') && x !== 'signature.untrusted'),
          ).toEqual([]);
          expect(codes.includes('signature.untrusted')).toBe(!chains);
        }
      }),
      { numRuns: 30, seed: 1102 },
    );
  });
});
