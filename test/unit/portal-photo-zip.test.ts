import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chosenFileName } from '../../shared/files/shown-name.js';
import { zipImages } from '../../shared/files/zip-images.js';
import { PORTAL_JS, photosAsOne } from '../../web/static/portal-script.js';

const photo = (name: string, seed: number) =>
  new File([new Uint8Array(64 + seed).fill(seed % 251)], name, { type: 'image/jpeg' });

describe('the portal script: several photos chosen together', () => {
  it('sends them as one .zip the server reads as the pages of one report, in name order', async () => {
    const names = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(names, fc.boolean(), async (pages, png) => {
        const files = pages.map((n) => photo(`ảnh trang ${n}.${png ? 'png' : 'jpg'}`, n));
        const [zip, ...rest] = await photosAsOne(files);
        expect(rest).toEqual([]);
        // Named by the photos chosen, shown back as their names (not a name nobody chose).
        const order0 = [...pages].sort((a, b) => a - b);
        const ext = png ? 'png' : 'jpg';
        const chosen = order0.map((n) => `ảnh trang ${n}.${ext}`);
        const all = chosen.join(', ');
        const shown = all.length > 120 ? `${chosen[0]}, …, ${chosen.at(-1)}` : all;
        expect(chosenFileName(zip!.name)).toBe(`${pages.length} ảnh: ${shown}`);
        const bytes = new Uint8Array(await (zip as File).arrayBuffer());
        // jszip checks every entry's CRC-32 against its bytes.
        const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
        expect(Object.keys(read.files)).toHaveLength(pages.length);
        const served = await zipImages(bytes);
        const order = [...pages].sort((a, b) => a - b);
        expect(served.map((p) => p.bytes.length)).toEqual(order.map((n) => 64 + n));
        expect(
          served.map((p) => p.name.endsWith(`trang ${order[0]}.${png ? 'png' : 'jpg'}`))[0],
        ).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps two photos of the same name as two pages', async () => {
    const [zip] = await photosAsOne([photo('IMG_1.jpg', 1), photo('IMG_1.jpg', 2)]);
    const served = await zipImages(new Uint8Array(await (zip as File).arrayBuffer()));
    expect(served.map((p) => p.bytes.length)).toEqual([65, 66]);
  });

  it('sends anything else file by file: one photo, or photos mixed with documents', async () => {
    const one = [photo('a.jpg', 1)];
    expect(await photosAsOne(one)).toBe(one);
    const mixed = [photo('a.jpg', 1), new File(['x'], 'bao-cao.docx')];
    expect(await photosAsOne(mixed)).toBe(mixed);
  });

  it('serves the grouping in the browser script', () => {
    for (const name of ['photosAsOne', 'zipStored', 'crc32']) expect(PORTAL_JS).toContain(name);
    expect(PORTAL_JS).not.toMatch(/^\s*(import|export)\b/m);
    // Parsed, not run: the script the browser gets is valid JavaScript.
    expect(() => new Function(PORTAL_JS)).not.toThrow();
  });
});
