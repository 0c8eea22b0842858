import { describe, expect, it } from 'vitest';
import { receivedMail } from '../../local/saved-mail.js';
import type { NewSubmission } from '../../shared/ports/submission-store.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { registry2025 } from '../helpers/fixtures.js';
import { type DeskVisitor, deskPortal } from '../helpers/portal.js';

// The Department's desk over HTTP on the embedded stack: who reaches which page, and each
// decision's effect on the unit's page, its mail, the board and the rollup.
const registry = registry2025();
const A = registry.byCode('16941')!; // xã Nghĩa Đàn, Nghệ An (40)
const ROUND = '2026-H1';

type Who = DeskVisitor<'41'>;
let review: Submission;
let stray: Submission;

function file(unitCode: string, name: string, over: Partial<NewSubmission> = {}): NewSubmission {
  return {
    submissionId: `${unitCode}-${name}`,
    provinceCode: '40',
    roundId: ROUND,
    unitCode,
    status: 'needs_review',
    diagnostics: [
      { level: 'error', field: 'issuer', message: 'Đơn vị trong văn bản khác đơn vị nộp.' },
    ],
    file: {
      bucket: 'b',
      key: `inbox/40/${ROUND}/${unitCode}/${name}`,
      versionId: null,
      name,
      size: 10,
      sha256: null,
      format: 'txt',
    },
    uploadedAt: '2026-06-05T03:00:00.000Z',
    processedAt: '2026-06-05T03:00:01.000Z',
    report: null,
    ...over,
  };
}

const path = (s: Submission) => `/so/ho-so/${s.roundId}/${s.unitCode}/${s.submissionId}`;

async function decide(who: Who, s: Submission, form: Record<string, string>) {
  const c = desk.clients[who];
  await c.page(who === 'anonymous' ? '/dang-nhap' : who === 'unitA' ? `/don-vi/${A.code}` : '/so');
  return c.post(path(s), form);
}

const reportedOn = (html: string) => Number(/Đã nộp hợp lệ<\/span><b>(\d+)<\/b>/.exec(html)?.[1]);

const desk = deskPortal(A, '41', async (portal) => {
  review = (await portal.target.ports.submissions.record(file(A.code, 'bao-cao.txt'))).submission;
  stray = (
    await portal.target.ports.submissions.record(file('_', 'la.txt', { status: 'rejected' }))
  ).submission;
});

describe('who reaches the desk', () => {
  const pages = ['/so', '/so/xem-xet', '/so/tong-hop', `/so/ky/${ROUND}/bang-theo-doi.xlsx`];
  it.each(pages)('%s: staff of the province only', async (p) => {
    const anon = await desk.clients.anonymous.request(p);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/dang-nhap\?tiep=/);
    expect((await desk.clients.unitA.request(p)).status).toBe(403);
    expect((await desk.clients.staff40.request(p)).status).toBe(200);
    expect((await desk.clients.staff41.request(p)).status).toBe(200);
  });

  it('brings a signed-out visitor back to the same round after signing in', async () => {
    const res = await desk.clients.anonymous.request(`/so?ky=${ROUND}`);
    expect(res.headers.get('location')).toBe(
      `/dang-nhap?tiep=${encodeURIComponent(`/so?ky=${ROUND}`)}`,
    );
    const form = await desk.clients.anonymous.page(res.headers.get('location')!);
    expect(form.html).toContain(`name="tiep" value="/so?ky=${ROUND}"`);
  });

  it('shows a province’s files to its own staff only', async () => {
    const mine = await desk.clients.staff40.page('/so/xem-xet');
    expect(mine.html).toContain('bao-cao.txt');
    expect(mine.html).toContain('la.txt');
    const theirs = await desk.clients.staff41.page('/so/xem-xet');
    expect(theirs.html).not.toContain('bao-cao.txt');
    expect((await desk.clients.staff41.request(path(review))).status).toBe(404);
    expect((await desk.clients.staff41.request(`${path(review)}/ban-goc`)).status).toBe(404);
    expect((await desk.clients.unitA.request(path(review))).status).toBe(403);
  });

  it('lets nobody else decide, and no form without its CSRF token', async () => {
    expect((await decide('staff41', review, { action: 'approve' })).status).toBe(404);
    expect((await decide('unitA', review, { action: 'approve' })).status).toBe(403);
    expect((await decide('anonymous', review, { action: 'approve' })).status).toBe(303);
    const c = desk.clients.staff40;
    const forged = await c.request(path(review), {
      method: 'POST',
      body: new URLSearchParams({ action: 'approve' }),
    });
    expect(forged.status).toBe(403);
    expect((await desk.portal.target.ports.submissions.get(review))?.status).toBe('needs_review');
  });
});

describe('decisions through the desk', () => {
  it('returns a file: the unit reads the message on its page and by mail, with a link', async () => {
    const message = 'Thiếu chữ ký <script>alert(1)</script> của Chủ tịch.';
    const res = await decide('staff40', review, { action: 'return', reason: message });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${path(review)}?xong=return`);
    const page = await desk.clients.unitA.page(`/don-vi/${A.code}/ky/${ROUND}`);
    expect(page.html).toContain('Sở KHCN trả lại báo cáo để sửa');
    expect(page.html).toContain('Thiếu chữ ký &lt;script&gt;alert(1)&lt;/script&gt; của Chủ tịch.');
    expect(page.html).not.toContain('<script>alert(1)');
    const trail = await desk.clients.staff40.page(path(review));
    expect(trail.html).toContain('so40@example.vn');
    expect(trail.html).toContain('Trả lại để sửa');
    // A refused decision says why, on the page, without changing anything.
    const again = await decide('staff40', review, { action: 'return', reason: 'x' });
    expect(again.status).toBe(422);
  });

  it('assigns an unmatched file: it is counted on the board and in the rollup', async () => {
    const before = reportedOn((await desk.clients.staff40.page(`/so?ky=${ROUND}`)).html);
    const res = await decide('staff40', stray, {
      action: 'assign',
      unitCode: '16681',
      roundId: ROUND,
      reason: '',
    });
    expect(res.status).toBe(303);
    const after = await desk.clients.staff40.page(`/so?ky=${ROUND}`);
    expect(reportedOn(after.html)).toBe(before + 1);
    expect((await desk.clients.staff40.page('/so/xem-xet')).html).not.toContain('la.txt');

    const built = await desk.clients.staff40.post(`/so/tong-hop/${ROUND}/lap`, {});
    expect(built.status).toBe(303);
    const list = await desk.clients.staff40.page('/so/tong-hop');
    const link = /href="(\/so\/tong-hop\/tai\?k=[^"]+\.json)"/.exec(list.html)?.[1];
    expect(link).toBeTruthy();
    const signed = await desk.clients.staff40.request(link!.replace(/&amp;/g, '&'));
    expect(signed.status).toBe(303);
    const json = await (await fetch(signed.headers.get('location')!)).json();
    expect(json.status.reported).toBe(before + 1);
    expect(json.status.approvedByStaff).toBe(1);
    // Another province's staff cannot sign it.
    expect((await desk.clients.staff41.request(link!.replace(/&amp;/g, '&'))).status).toBe(404);
  });

  it('mails the decisions with links to the portal, never a pre-signed address', async () => {
    let mails: Awaited<ReturnType<typeof receivedMail>> = [];
    for (let i = 0; i < 50 && mails.length < 1; i++) {
      mails = (await receivedMail(desk.portal.target.stack.endpoints.ses)).filter((m) =>
        m.subject.includes('trả lại'),
      );
      if (!mails.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mails[0]?.body.text).toContain(`${desk.portal.url}/don-vi/${A.code}/ky/${ROUND}`);
    for (const m of await receivedMail(desk.portal.target.stack.endpoints.ses))
      expect(`${m.body.text}${m.body.html ?? ''}`).not.toMatch(/X-Amz-Signature|inbox\//);
  });
});
