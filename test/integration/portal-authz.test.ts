import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportText } from '../../scripts/report-text.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { createPortal } from '../../web/app.js';
import { portalDeps } from '../../web/portal-deps.js';
import { registry2025 } from '../helpers/fixtures.js';
import {
  communeOf,
  PortalClient,
  type PortalHarness,
  signInAll,
  staffOf,
  startPortal,
} from '../helpers/portal.js';

// The authorization matrix over every route of the portal, on the embedded stack: anonymous,
// unit A, unit B of the same province, staff of province 40 and of province 41.
const registry = registry2025();
const A = registry.byCode('16941')!; // xã Nghĩa Đàn, Nghệ An (40)
const B = registry.byCode('16681')!; // phường Thành Vinh, Nghệ An (40)
const ROUND = '2026-H1';

type Who = 'anonymous' | 'unitA' | 'unitB' | 'staff40' | 'staff41';
let portal: PortalHarness;
let clients: Record<Who, PortalClient>;
let submissionOfA: Submission;

interface Uploaded {
  status: number;
  key: string;
}

/** The JS path: ask the portal for a pre-signed POST, then send the file to S3 with it. */
async function upload(
  client: PortalClient,
  unit: string,
  name: string,
  bytes: Uint8Array,
  tamper?: (f: FormData) => void,
): Promise<Uploaded> {
  await client.page(`/don-vi/${unit}/ky/${ROUND}`);
  const res = await client.post(
    `/don-vi/${unit}/ky/${ROUND}/tai-len`,
    {},
    { 'x-csrf-token': client.csrf },
  );
  expect(res.status).toBe(200);
  const form = (await res.json()) as { url: string; fields: Record<string, string> };
  const data = new FormData();
  for (const [k, v] of Object.entries(form.fields)) data.append(k, v);
  tamper?.(data);
  data.append('file', new Blob([Buffer.from(bytes)]), name);
  const s3 = await fetch(form.url, { method: 'POST', body: data });
  return { status: s3.status, key: String(data.get('key')).replace('${filename}', name) };
}

async function recorded(unit: string, key: string): Promise<Submission> {
  for (;;) {
    const found = (await portal.target.ports.submissions.unitHistory(unit)).find(
      (s) => s.file.key === key,
    );
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  portal = await startPortal(['40', '41']);
  clients = await signInAll(portal, {
    anonymous: null,
    unitA: communeOf(A, 'a@nghiadan.example'),
    unitB: communeOf(B, 'b@thanhvinh.example'),
    staff40: staffOf('40'),
    staff41: staffOf('41'),
  });
  const sent = await upload(
    clients.unitA,
    A.code,
    'bao-cao.txt',
    new TextEncoder().encode(reportText(A)),
  );
  expect(sent.status).toBe(201);
  submissionOfA = await recorded(A.code, sent.key);
}, 240_000);
afterAll(async () => {
  await portal?.stop();
});

const everyone: Who[] = ['anonymous', 'unitA', 'unitB', 'staff40', 'staff41'];
const allowedOnA: Record<Who, boolean> = {
  anonymous: false,
  unitA: true,
  unitB: false,
  staff40: true,
  staff41: false,
};

describe('authorization matrix on unit A', () => {
  const reads = [
    ['unit page', () => `/don-vi/${A.code}`],
    ['round page', () => `/don-vi/${A.code}/ky/${ROUND}`],
    ['upload status', () => `/don-vi/${A.code}/ky/${ROUND}/trang-thai?tep=${crypto.randomUUID()}`],
  ] as const;
  for (const [what, path] of reads)
    it.each(everyone)(`${what}: %s`, async (who) => {
      const res = await clients[who].request(path());
      if (who === 'anonymous') {
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toMatch(/^\/dang-nhap\?tiep=/);
      } else expect(res.status).toBe(allowedOnA[who] ? 200 : 403);
    });

  it.each(everyone)('upload (pre-signed POST for A): %s', async (who) => {
    const c = clients[who];
    await c.page('/dang-nhap');
    const res = await c.post(
      `/don-vi/${A.code}/ky/${ROUND}/tai-len`,
      {},
      { 'x-csrf-token': c.csrf },
    );
    expect(res.status).toBe(who === 'anonymous' ? 303 : allowedOnA[who] ? 200 : 403);
    if (res.status === 200) {
      const form = (await res.json()) as { fields: Record<string, string> };
      expect(form.fields.key).toMatch(
        new RegExp(`^inbox/40/${ROUND}/${A.code}/[0-9a-f-]{36}/\\$\\{filename\\}$`),
      );
    }
  });

  it.each(everyone)('download of the original: %s', async (who) => {
    const res = await clients[who].request(
      `/don-vi/${A.code}/ban-goc/${submissionOfA.submissionId}`,
    );
    if (who === 'anonymous') expect(res.headers.get('location')).toMatch(/^\/dang-nhap/);
    else if (!allowedOnA[who]) expect(res.status).toBe(403);
    else {
      expect(res.status).toBe(303);
      const file = await fetch(res.headers.get('location')!);
      expect(new TextDecoder().decode(await file.arrayBuffer())).toBe(reportText(A));
    }
  });

  it("a submission of A is not found through B's pages", async () => {
    const res = await clients.unitB.request(
      `/don-vi/${B.code}/ban-goc/${submissionOfA.submissionId}`,
    );
    expect(res.status).toBe(404);
  });
});

describe('the trust gap is closed at the storage and at ingest', () => {
  it("B's signed form cannot be turned into a write into A's folder", async () => {
    const sent = await upload(clients.unitB, B.code, 'x.txt', new TextEncoder().encode('x'), (f) =>
      f.set('key', `inbox/40/${ROUND}/${A.code}/forged/\${filename}`),
    );
    expect(sent.status).toBe(403);
  });

  it('nor can its uploader be changed, nor a field be added', async () => {
    const bytes = new TextEncoder().encode('x');
    const changed = await upload(clients.unitB, B.code, 'x.txt', bytes, (f) =>
      f.set(
        'x-amz-meta-uploaded-by',
        String(f.get('x-amz-meta-uploaded-by')).replace(B.code, A.code),
      ),
    );
    expect(changed.status).toBe(403);
    const extra = await upload(clients.unitB, B.code, 'x.txt', bytes, (f) =>
      f.set('x-amz-meta-role', 'staff'),
    );
    expect(extra.status).toBe(403);
  });

  it('a JSON report from a commune is kept, rejected with the reason, and never counted', async () => {
    const json = JSON.stringify({ ...submissionOfA.report, indicators: [] });
    const sent = await upload(
      clients.unitA,
      A.code,
      'so-lieu.json',
      new TextEncoder().encode(json),
    );
    expect(sent.status).toBe(201);
    const s = await recorded(A.code, sent.key);
    expect(s.status).toBe('rejected');
    expect(s.diagnostics[0]?.message).toMatch(/JSON/);
    expect(s.uploadedBy).toMatchObject({ role: 'commune', unitCode: A.code });
  });
});

describe('CSRF and cookies', () => {
  it('every state-changing route refuses a request without the token or from another origin', async () => {
    const app = createPortal(portalDeps());
    const changing = app.routes.filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method));
    expect(changing.length).toBeGreaterThanOrEqual(4);
    const c = clients.unitA;
    await c.page(`/don-vi/${A.code}/ky/${ROUND}`);
    for (const route of changing) {
      const path = route.path.replace(':unit', A.code).replace(':round', ROUND);
      const noToken = await c.request(path, {
        method: route.method,
        body: new URLSearchParams({ a: '1' }),
      });
      expect(noToken.status, `${route.method} ${path}`).toBe(403);
      const wrongToken = await c.post(path, { _csrf: 'x'.repeat(32) });
      expect(wrongToken.status, `${route.method} ${path}`).toBe(403);
      const crossSite = await c.request(path, {
        method: route.method,
        body: new URLSearchParams({ _csrf: c.csrf }),
        headers: { origin: 'https://evil.example' },
      });
      expect(crossSite.status, `${route.method} ${path}`).toBe(403);
    }
  });

  it('session and CSRF cookies are HttpOnly, SameSite=Lax, not Secure over http', async () => {
    const c = new PortalClient(portal.url);
    await c.page('/dang-nhap');
    const csrf = c.lastSetCookies.find((l) => l.startsWith('tonghop_csrf='))!;
    expect(csrf).toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Lax/);
    const { password } = await portal.account({
      email: 'c@example.vn',
      role: 'commune',
      provinceCode: '40',
      unitCode: A.code,
    });
    await c.post('/dang-nhap', { email: 'c@example.vn', password, tiep: '/' });
    await c.post('/doi-mat-khau', {
      email: 'c@example.vn',
      password: 'Khac-Mat-Khau-9',
      confirm: 'Khac-Mat-Khau-9',
      tiep: '/',
    });
    const session = c.lastSetCookies.find((l) => l.startsWith('tonghop_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
  });

  it('security headers: CSP without inline script, HSTS, no framing', async () => {
    const res = await clients.unitA.request(`/don-vi/${A.code}`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(await res.text()).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
