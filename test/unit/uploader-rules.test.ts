import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { reportText } from '../../scripts/report-text.js';
import { checkUploader } from '../../shared/ingest/uploader-rules.js';
import {
  decodeUploader,
  encodeUploader,
  UPLOADER_METADATA,
  type Uploader,
} from '../../shared/schemas/uploader.js';
import { registry2025 } from '../helpers/fixtures.js';
import { inboxKey, type MemoryIngest, memoryIngest } from '../helpers/memory-ingest.js';
import { MemoryObjects } from '../helpers/memory-stores.js';

const registry = registry2025();
const nghiaDan = registry.byCode('16941')!;
const enc = (s: string) => new TextEncoder().encode(s);

/** Objects with the metadata the portal's signed POST pins on them. */
class ObjectsWithMetadata extends MemoryObjects {
  readonly meta = new Map<string, Record<string, string>>();
  override async get(key: string) {
    return { ...(await super.get(key)), metadata: this.meta.get(key) ?? {} };
  }
}

let ingest: MemoryIngest<ObjectsWithMetadata>;
beforeEach(() => {
  ingest = memoryIngest({ objects: new ObjectsWithMetadata(), versioned: false });
});

const commune = (unitCode: string, provinceCode = '40'): Uploader => ({
  role: 'commune',
  provinceCode,
  unitCode,
  sub: `sub-${unitCode}`,
  email: `vp.${unitCode}@example.vn`,
});
const staff = (provinceCode: string): Uploader => ({ role: 'staff', provinceCode, sub: 's' });

async function upload(unitFolder: string, fileName: string, bytes: Uint8Array, by?: Uploader) {
  const key = inboxKey(unitFolder, fileName);
  if (by) ingest.objects.meta.set(key, { [UPLOADER_METADATA]: encodeUploader(by) });
  return ingest.upload(key, bytes);
}

describe('who may upload where', () => {
  const uploader = fc.record({
    role: fc.constantFrom('commune' as const, 'staff' as const),
    provinceCode: fc.constantFrom('40', '41', '01'),
    unitCode: fc.constantFrom('16941', '16681', '00004'),
    sub: fc.uuid(),
    email: fc.emailAddress(),
  });
  const folder = fc.record({
    provinceCode: fc.constantFrom('40', '41'),
    unitCode: fc.constantFrom('16941', '16681', '_'),
  });

  it('a commune only into its own unit folder of its province; staff anywhere in their province', () => {
    fc.assert(
      fc.property(uploader, folder, (u, f) => {
        const r = checkUploader(encodeUploader(u), f);
        const allowed =
          u.provinceCode === f.provinceCode && (u.role === 'staff' || u.unitCode === f.unitCode);
        expect(r.ok).toBe(allowed);
        if (r.ok) expect(r.uploader).toEqual(decodeUploader(encodeUploader(u)));
      }),
    );
  });

  it('a metadata value naming nobody valid is refused, a missing one is a direct write', () => {
    fc.assert(
      fc.property(fc.string(), (junk) => {
        fc.pre(decodeUploader(junk) === null);
        expect(checkUploader(junk, { provinceCode: '40', unitCode: '16941' }).ok).toBe(false);
      }),
    );
    expect(checkUploader(undefined, { provinceCode: '40', unitCode: '16941' })).toEqual({
      ok: true,
      uploader: undefined,
    });
  });
});

describe('ingest records the uploader and refuses what it may not do', () => {
  it("keeps the original but rejects a unit's report uploaded into another unit's folder", async () => {
    const r = await upload('16941', 'bc.txt', enc(reportText(nghiaDan)), commune('16681'));
    expect(r.submission.status).toBe('rejected');
    expect(r.submission.diagnostics.map((d) => d.code)).toEqual(['uploader.notAllowed']);
    expect(r.submission.diagnostics[0]!.message).toMatch(
      /không được nộp báo cáo thay đơn vị 16941/,
    );
    expect(r.submission.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the same report from its own unit and records who sent it', async () => {
    const r = await upload('16941', 'bc.txt', enc(reportText(nghiaDan)), commune('16941'));
    expect(r.submission.status).toBe('accepted');
    expect(r.submission.uploadedBy).toMatchObject({ role: 'commune', unitCode: '16941' });
  });

  it('rejects a JSON report from a commune, even its own, and takes it from staff', async () => {
    const first = await upload('16941', 'bc.txt', enc(reportText(nghiaDan)), commune('16941'));
    const forged = { ...first.submission.report!, indicators: [] };
    const json = enc(JSON.stringify(forged));
    const fromCommune = await upload('16941', 'bc.json', json, commune('16941'));
    expect(fromCommune.submission.status).toBe('rejected');
    expect(fromCommune.submission.report).toBeNull();
    expect(fromCommune.submission.diagnostics.map((d) => d.code)).toEqual([
      'uploader.jsonNotAllowed',
    ]);
    // Other bytes: the same file twice is one submission.
    const staffJson = enc(`${JSON.stringify(forged)}\n`);
    const fromStaff = await upload('16941', 'bc-so.json', staffJson, staff('40'));
    expect(fromStaff.submission.status).not.toBe('rejected');
    const fromOtherProvince = await upload(
      '16941',
      'bc-41.json',
      enc(`${JSON.stringify(forged)}  `),
      staff('41'),
    );
    expect(fromOtherProvince.submission.status).toBe('rejected');
  });
});
