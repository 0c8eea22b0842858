import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoConfirmationStore } from '../../adapters/dynamo-confirmation-store.js';
import { DynamoDeskLog } from '../../adapters/dynamo-desk-log.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { registry2025 } from '../helpers/fixtures.js';
import { deskPortal } from '../helpers/portal.js';
import { submissionOf } from '../helpers/rollup-fixtures.js';

// "Kiểm tra trước khi ký" over HTTP on the embedded stack: who reaches the list and may decide on
// it, what a decision stores (the check, the desk log), that hostile report text stays text, and
// that the DOCX built afterwards follows the decisions and says how many items were checked.
const registry = registry2025();
const A = registry.byCode('16941')!; // xã Nghĩa Đàn, Nghệ An (40)
const B = registry.byCode('16681')!; // phường Thành Vinh (40)
const ROUND = '2026-H1';
const PAGE = `/so/tong-hop/${ROUND}/kiem-tra`;
const HOSTILE = 'Số máy vi tính <img src=x onerror=alert(1)> phục vụ công tác';
const CROP = `crops/40/${A.code}/abc123/dong-15.png`;
const OTHER_CROP = `crops/40/${B.code}/def456/dong-15.png`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let scannedFile: Submission;
const store = () =>
  new DynamoConfirmationStore(dynamoDocumentClient(), desk.portal.target.stack.table);
const log = () =>
  new DynamoDeskLog(dynamoDocumentClient(), desk.portal.target.stack.table).list('40', 50);

/** A typed report whose first figure is placed on a page image, as OCR places it. */
function scannedOf(unit: typeof A): Submission {
  const s = submissionOf(unit, { computers: 4321 });
  const [first, ...rest] = s.report!.indicators;
  const scanned = {
    ...first!,
    label: HOSTILE,
    page: 1,
    box: { x0: 10, y0: 40, x1: 400, y1: 70 },
    crop: CROP,
  };
  return { ...s, report: { ...s.report!, indicators: [scanned, ...rest] } };
}

async function record(s: Submission) {
  const { version: _v, ...fresh } = s;
  return (await desk.portal.target.ports.submissions.record(fresh)).submission;
}

const desk = deskPortal(A, '42', async (portal) => {
  scannedFile = await record(scannedOf(A));
  await portal.target.ports.objects.put(CROP, PNG, 'image/png');
  await portal.target.ports.objects.put(OTHER_CROP, PNG, 'image/png');
  await record(submissionOf(B, { computers: 77 }));
});

const itemIds = (html: string) =>
  [...html.matchAll(/name="item" value="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&#39;', "'"));

describe('who reaches the pre-sign list', () => {
  it('staff of the province only; another province sees none of its items', async () => {
    const anon = await desk.clients.anonymous.request(PAGE);
    expect(anon.status).toBe(303);
    expect((await desk.clients.unitA.request(PAGE)).status).toBe(403);
    const own = await desk.clients.staff40.page(PAGE);
    expect(own.status).toBe(200);
    expect(own.html).toContain('Số liệu đọc từ bản quét, đơn vị chưa xác nhận');
    expect(itemIds(own.html).length).toBeGreaterThan(2);
    const other = await desk.clients.staff42.page(PAGE);
    expect(other.status).toBe(200);
    expect(other.html).not.toContain(A.code);
    expect(itemIds(other.html)).toEqual([]);
  });

  it('keeps hostile report text as text', async () => {
    const { html } = await desk.clients.staff40.page(PAGE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('refuses a decision from a commune, a stranger, another province or without CSRF', async () => {
    const { html } = await desk.clients.staff40.page(PAGE);
    const item = itemIds(html)[0]!;
    const form = { item, d: 'chap-nhan' };
    await desk.clients.unitA.page(`/don-vi/${A.code}`);
    expect((await desk.clients.unitA.post(PAGE, form)).status).toBe(403);
    expect([303, 403]).toContain((await desk.clients.anonymous.post(PAGE, form)).status);
    const forged = await desk.clients.staff40.request(PAGE, {
      method: 'POST',
      body: new URLSearchParams(form),
    });
    expect(forged.status).toBe(403);
    await desk.clients.staff42.page(`/so/tong-hop/${ROUND}/kiem-tra`);
    const elsewhere = await desk.clients.staff42.post(`/so/tong-hop/${ROUND}/kiem-tra`, form);
    expect(elsewhere.status).toBe(422);
    expect(await store().listChecks('40', ROUND)).toEqual([]);
    expect(await store().listChecks('42', ROUND)).toEqual([]);
    expect(await log()).toEqual([]);
  });
});

describe('the picture of a scanned figure’s line', () => {
  const staffPath = (k: string) => `/so/anh-so-lieu?k=${encodeURIComponent(k)}`;
  const unitPath = (k: string) => `/don-vi/${A.code}/anh-so-lieu?k=${encodeURIComponent(k)}`;

  it('stands beside the figure on the pre-sign list and the unit’s confirmation form', async () => {
    expect((await desk.clients.staff40.page(PAGE)).html).toContain(`src="${staffPath(CROP)}"`);
    const form = await desk.clients.unitA.page(`/don-vi/${A.code}/ky/${ROUND}`);
    expect(form.html).toContain(`src="${unitPath(CROP)}"`);
  });

  it('is served to the province’s staff and to its own unit only', async () => {
    const ok = await desk.clients.staff40.request(staffPath(CROP));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(PNG);
    expect((await desk.clients.staff42.request(staffPath(CROP))).status).toBe(404);
    expect((await desk.clients.unitA.request(staffPath(CROP))).status).toBe(403);
    expect((await desk.clients.anonymous.request(staffPath(CROP))).status).toBe(303);
    expect((await desk.clients.unitA.request(unitPath(CROP))).status).toBe(200);
    expect((await desk.clients.unitA.request(unitPath(OTHER_CROP))).status).toBe(404);
    expect((await desk.clients.unitA.request(unitPath('crops/40/16941/../x.png'))).status).toBe(
      404,
    );
    expect((await desk.clients.staff42.request(unitPath(CROP))).status).toBe(403);
  });
});

describe('decisions on the pre-sign list', () => {
  it('accepts the scanned figure, edits one, refuses an unreadable value; each is logged', async () => {
    const c = desk.clients.staff40;
    const { html } = await c.page(PAGE);
    const ids = itemIds(html);
    const scanned = ids.find((i) => i.startsWith(`f:${scannedFile.submissionId}:computers@`))!;
    const rate = ids.find((i) => i.includes(':tthc_digitized_input_rate@'))!;
    const ok = await c.post(PAGE, { item: scanned, d: 'chap-nhan' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/\?xong=checked#m-f-/);
    const bad = await c.post(PAGE, { item: rate, d: 'sua', v: '140' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('tỷ lệ từ 0 đến 100');
    expect((await c.post(PAGE, { item: rate, d: 'sua', v: '91,5' })).status).toBe(303);
    const checks = await store().listChecks('40', ROUND);
    expect(checks.map((k) => [k.item, k.decision, k.value, k.by.email])).toEqual([
      [scanned, 'accepted', undefined, 'so40@example.vn'],
      [rate, 'edited', 91.5, 'so40@example.vn'],
    ]);
    const entries = await log();
    expect(entries.map((e) => e.action)).toEqual(['figures_checked', 'figures_checked']);
    expect(entries[0]!.detail).toMatch(/^Sửa → 91,5: đơn vị \d+, Tỷ lệ/);
    expect(entries[1]!.detail).toContain('(đọc từ bản quét): đọc được 4321');
    const after = await c.page(PAGE);
    expect(after.html).toContain('Đã chấp nhận');
    expect(after.html).toContain('Đã sửa: 91,5');
  });

  it('accepts the remaining catalogue mappings at once, in one log entry', async () => {
    const c = desk.clients.staff40;
    await c.page(PAGE);
    const before = (await store().listChecks('40', ROUND)).length;
    expect((await c.post(`${PAGE}/tat-ca`, { g: 'mapping' })).status).toBe(303);
    const checks = await store().listChecks('40', ROUND);
    expect(checks.length).toBeGreaterThan(before);
    expect(checks.slice(before).every((k) => k.decision === 'accepted')).toBe(true);
    expect((await log())[0]!.detail).toMatch(
      /^Chấp nhận cùng lúc \d+ mục \(số liệu ghép chỉ tiêu\)$/,
    );
    expect((await c.page(PAGE)).html).not.toContain('Chấp nhận tất cả số liệu ghép chỉ tiêu');
  });

  it('builds the DOCX from the decisions and says how many items were checked', async () => {
    const c = desk.clients.staff40;
    const rollups = await c.page('/so/tong-hop');
    expect(rollups.html).toMatch(/Kiểm tra trước khi ký<\/a>: đã kiểm tra cả \d+ mục/);
    expect((await c.post(`/so/tong-hop/${ROUND}/lap`, {})).status).toBe(303);
    const key = `rollups/40/${ROUND}/tong-hop-40-${ROUND}.docx`;
    const zip = await JSZip.loadAsync((await desk.portal.target.ports.objects.get(key)).bytes);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const checks = (await store().listChecks('40', ROUND)).length;
    expect(text).toContain(
      `Đã kiểm tra ${checks} mục trước khi ký (chấp nhận ${checks - 1}, sửa 1, bỏ 0)`,
    );
    expect(text).toContain('91,5');
    expect(text).toContain('4.321');
  });
});
