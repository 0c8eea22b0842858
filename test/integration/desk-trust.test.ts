import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoDeskLog } from '../../adapters/dynamo-desk-log.js';
import { makeTestPki, type TestPki } from '../../scripts/test-pki.js';
import { registry2025 } from '../helpers/fixtures.js';
import { deskPortal, type PortalClient } from '../helpers/portal.js';

// The trust list page of the desk over HTTP on the embedded stack: who reaches it, who may post
// to it, what an import, a refusal and a removal store, and what the desk log records.
const A = registry2025().byCode('16941')!;

let pki: TestPki;

const log = () =>
  new DynamoDeskLog(dynamoDocumentClient(), desk.portal.target.stack.table).list('40', 50);

async function postFiles(c: PortalClient, files: Array<[string, string | Uint8Array]>) {
  await c.page('/so/tin-cay');
  const form = new FormData();
  form.set('_csrf', c.csrf);
  for (const [name, content] of files) form.append('file', new Blob([content as BlobPart]), name);
  return c.request('/so/tin-cay/nhap', { method: 'POST', body: form });
}

beforeAll(async () => {
  pki = await makeTestPki();
});
const desk = deskPortal(A, '42');

describe('the trust list page', () => {
  it('is for staff only, and refuses posts from a commune or without the CSRF token', async () => {
    const anon = await desk.clients.anonymous.request('/so/tin-cay');
    expect(anon.status).toBe(303);
    expect((await desk.clients.unitA.request('/so/tin-cay')).status).toBe(403);
    const page = await desk.clients.staff40.request('/so/tin-cay');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Danh sách đang trống');
    await desk.clients.unitA.page(`/don-vi/${A.code}`);
    for (const path of ['/so/tin-cay/go', '/so/tin-cay/kiem-tra-lai']) {
      expect((await desk.clients.unitA.post(path, { sha256: 'a'.repeat(64) })).status, path).toBe(
        403,
      );
      const forged = await desk.clients.staff40.request(path, {
        method: 'POST',
        body: new URLSearchParams({ sha256: 'a'.repeat(64) }),
      });
      expect(forged.status, path).toBe(403);
    }
    const form = new FormData();
    form.append('file', new Blob([pki.root.pem]), 'goc.pem');
    const noToken = await desk.clients.staff40.request('/so/tin-cay/nhap', {
      method: 'POST',
      body: form,
    });
    expect(noToken.status).toBe(403);
    expect(await desk.portal.target.ports.trust.list('40')).toEqual([]);
  });

  it('imports several files in one form, lists them, and keeps provinces apart', async () => {
    const res = await postFiles(desk.clients.staff40, [
      ['goc.pem', pki.root.pem],
      ['trung-gian.cer', pki.intermediate.der],
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Đã nhập 2 chứng thư');
    expect(html).toContain('Test Root CA Chính phủ');
    expect(html).toContain('Ban Cơ yếu Thử nghiệm');
    expect(html).toMatch(/([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(html).toContain('chưa kiểm tra thu hồi chứng thư');
    expect(await desk.portal.target.ports.trust.list('40')).toHaveLength(2);
    expect(await desk.portal.target.ports.trust.list('42')).toEqual([]);
    expect(await (await desk.clients.staff42.request('/so/tin-cay')).text()).not.toContain(
      'Test Root',
    );
    expect((await log()).map((e) => e.action)).toContain('trust_imported');
  });

  it('refuses a file that is not a certificate with one plain reason, importing nothing of the form', async () => {
    const before = await desk.portal.target.ports.trust.list('40');
    const res = await postFiles(desk.clients.staff40, [
      ['khac.pem', (await pki.organization('UBND XÃ KHÁC')).pem],
      ['<anh>.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tệp &quot;&lt;anh&gt;.jpg&quot; không phải chứng thư số đọc được');
    expect(await desk.portal.target.ports.trust.list('40')).toEqual(before);
    const big = await postFiles(desk.clients.staff40, [['lon.cer', new Uint8Array(600 * 1024)]]);
    expect(big.status).toBe(422);
    expect(await big.text()).toContain('lớn hơn 512 KB');
  });

  it('removes one certificate; another province cannot', async () => {
    const [first] = await desk.portal.target.ports.trust.list('40');
    await desk.clients.staff42.page('/so/tin-cay');
    expect(
      (await desk.clients.staff42.post('/so/tin-cay/go', { sha256: first!.sha256 })).status,
    ).toBe(422);
    await desk.clients.staff40.page('/so/tin-cay');
    const res = await desk.clients.staff40.post('/so/tin-cay/go', { sha256: first!.sha256 });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã gỡ chứng thư');
    const left = await desk.portal.target.ports.trust.list('40');
    expect(left.map((c) => c.sha256)).not.toContain(first!.sha256);
    expect(left).toHaveLength(1);
    expect((await log()).map((e) => e.action)).toContain('trust_removed');
  });
});
