import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoDeskLog } from '../../adapters/dynamo-desk-log.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import { registry2025 } from '../helpers/fixtures.js';
import { deskPortal } from '../helpers/portal.js';

// The desk's settings page: the Department sets who signs its rollup. Staff of the province
// only, CSRF, a plain form (no script), stored with the Department, written to the desk log, and
// printed in the next rollup's signature block.
const registry = registry2025();
const A = registry.byCode('16941')!; // xã Nghĩa Đàn, Nghệ An (40)

const log = () =>
  new DynamoDeskLog(dynamoDocumentClient(), desk.portal.target.stack.table).list('40', 50);
const deputy = {
  authority: 'KT',
  principal: 'Giám đốc',
  title: 'Phó Giám đốc',
  name: 'Trần Thị Bình',
};

const desk = deskPortal(A, '42');

async function docxText(round: string): Promise<string> {
  const prefix = `rollups/40/${round}/`;
  const key = (await desk.portal.target.ports.objects.list(prefix)).find(
    (o) => o.key.endsWith('.docx') && !o.key.includes('/lich-su/'),
  )!.key;
  const { bytes } = await desk.portal.target.ports.objects.get(key);
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

describe('who signs the rollup, set at the desk', () => {
  it('is the province staff’s page only, and every post needs the CSRF token', async () => {
    const anon = await desk.clients.anonymous.request('/so/cai-dat');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/dang-nhap\?tiep=/);
    expect((await desk.clients.unitA.request('/so/cai-dat')).status).toBe(403);
    const page = await desk.clients.staff40.page('/so/cai-dat');
    expect(page.status).toBe(200);
    // A plain form that posts without a script, with the defaults a Director signing has.
    expect(page.html).toMatch(/<form method="post" action="\/so\/cai-dat\/nguoi-ky"/);
    expect(page.html).toContain('value="Giám đốc"');
    expect(page.html).toContain('…………');
    await desk.clients.unitA.page(`/don-vi/${A.code}`);
    expect((await desk.clients.unitA.post('/so/cai-dat/nguoi-ky', deputy)).status).toBe(403);
    const forged = await desk.clients.staff40.request('/so/cai-dat/nguoi-ky', {
      method: 'POST',
      body: new URLSearchParams(deputy),
    });
    expect(forged.status).toBe(403);
    expect(await desk.portal.target.ports.departments.get('40')).toBeNull();
    expect(await log()).toEqual([]);
  });

  it('refuses markup and a deputy signing for their own title, in Vietnamese, keeping the form', async () => {
    const c = desk.clients.staff40;
    await c.page('/so/cai-dat');
    const markup = await c.post('/so/cai-dat/nguoi-ky', { ...deputy, name: '<b>Bình</b>' });
    expect(markup.status).toBe(422);
    const html = await markup.text();
    expect(html).toContain('Họ và tên người ký: chỉ gồm chữ');
    expect(html).toContain('value="&lt;b&gt;Bình&lt;/b&gt;"');
    expect(html).not.toContain('<b>Bình');
    const self = await c.post('/so/cai-dat/nguoi-ky', { ...deputy, title: 'GIÁM ĐỐC' });
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('phải có chức vụ khác');
    expect(await desk.portal.target.ports.departments.get('40')).toBeNull();
  });

  it('stores the signer, logs who set it, and the next rollup prints it', async () => {
    const c = desk.clients.staff40;
    await c.page('/so/cai-dat');
    const res = await c.post('/so/cai-dat/nguoi-ky', deputy);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/so/cai-dat?xong=signer');
    expect((await desk.portal.target.ports.departments.get('40'))?.signer).toEqual({
      name: 'Trần Thị Bình',
      title: 'Phó Giám đốc',
      authority: 'KT',
      principal: 'Giám đốc',
    });
    expect(await desk.portal.target.ports.departments.get('42')).toBeNull();
    const [entry] = await log();
    expect(entry).toMatchObject({
      action: 'signer_set',
      by: { email: 'so40@example.vn' },
      detail: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trần Thị Bình',
    });
    const page = await c.page('/so/cai-dat?xong=signer');
    expect(page.html).toContain('Đã lưu người ký');
    expect(page.html).toContain('<strong>KT. GIÁM ĐỐC</strong>');
    expect(page.html).toContain('Đặt người ký báo cáo tổng hợp');

    const round = standingRounds('40', 2026)[0]!.roundId;
    await c.page('/so/tong-hop');
    expect((await c.post(`/so/tong-hop/${round}/lap`, {})).status).toBe(303);
    expect(await docxText(round)).toMatch(/KT\. GIÁM ĐỐC\s+PHÓ GIÁM ĐỐC\s+Trần Thị Bình/);

    // The name left empty: the document keeps the line for the signer's hand.
    await c.page('/so/cai-dat');
    const unnamed = { authority: 'none', principal: '', title: 'Giám đốc', name: '' };
    expect((await c.post('/so/cai-dat/nguoi-ky', unnamed)).status).toBe(303);
    await c.page('/so/tong-hop');
    expect((await c.post(`/so/tong-hop/${round}/lap`, {})).status).toBe(303);
    const text = await docxText(round);
    expect(text).toMatch(/GIÁM ĐỐC\s+…{10,}/);
    expect(text).not.toContain('Trần Thị Bình');
  });

  it('keeps the signer when a contacts file’s Department row names none', async () => {
    const c = desk.clients.staff40;
    await c.page('/so/cai-dat');
    expect((await c.post('/so/cai-dat/nguoi-ky', deputy)).status).toBe(303);
    await c.page('/so/lien-he');
    const form = new FormData();
    form.set('_csrf', c.csrf);
    const rows = ['unit_code,email,name,phone', '40,vanphong@skhcn.example,Văn phòng Sở,0238 1'];
    form.set('file', new Blob([rows.join('\n')], { type: 'text/csv' }), 'lien-he.csv');
    expect((await c.request('/so/lien-he/nhap', { method: 'POST', body: form })).status).toBe(200);
    const stored = await desk.portal.target.ports.departments.get('40');
    expect(stored?.emails).toEqual(['vanphong@skhcn.example']);
    expect(stored?.signer?.name).toBe('Trần Thị Bình');
  });
});
