import { describe, expect, it } from 'vitest';
import { cognito } from '../../adapters/cognito-client.js';
import { CognitoSignIn } from '../../adapters/cognito-sign-in.js';
import { dynamoDocumentClient } from '../../adapters/dynamo-client.js';
import { DynamoDeskLog } from '../../adapters/dynamo-desk-log.js';
import { roundById } from '../../shared/rounds/rounds.js';
import { registry2025 } from '../helpers/fixtures.js';
import { deskPortal, type PortalClient } from '../helpers/portal.js';

// The desk's rounds, contacts and unit pages over HTTP on the embedded stack: who reaches them,
// who may post to them, what each action stores and what the desk log records.
const registry = registry2025();
const A = registry.byCode('16941')!; // xã Nghĩa Đàn, Nghệ An (40)
const OTHER = registry.unitsOf('42')[0]!;

const log = () =>
  new DynamoDeskLog(dynamoDocumentClient(), desk.portal.target.stack.table).list('40', 50);

const letter = (over: Record<string, string> = {}) => ({
  letterNumber: '88/SKHCN-QLCN',
  letterDate: '2026-11-20',
  letterIssuer: 'Sở Khoa học và Công nghệ tỉnh Nghệ An',
  title: 'Báo cáo nhanh <b>chuyển đổi số</b> quý IV',
  roundId: '2026-Q4',
  deadline: '2026-12-15',
  offsets: '-7, -3, 0',
  ...over,
});

const csv = (rows: string[]) =>
  new Blob([['unit_code,email,name,phone', ...rows].join('\n')], { type: 'text/csv' });

async function postFile(c: PortalClient, path: string, name: string, blob: Blob, invite = true) {
  await c.page('/so/lien-he');
  const form = new FormData();
  form.set('_csrf', c.csrf);
  form.set('file', blob, name);
  if (invite) form.set('invite', '1');
  return c.request(path, { method: 'POST', body: form });
}

const desk = deskPortal(A, '42');

describe('who reaches the rounds, contacts and unit pages', () => {
  const pages = ['/so/ky', '/so/lien-he', `/so/don-vi/${A.code}`];
  it.each(pages)('%s: staff only', async (p) => {
    const anon = await desk.clients.anonymous.request(p);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toMatch(/^\/dang-nhap\?tiep=/);
    expect((await desk.clients.unitA.request(p)).status).toBe(403);
    expect((await desk.clients.staff40.request(p)).status).toBe(200);
  });

  it('shows a unit only to its own province', async () => {
    expect((await desk.clients.staff42.request(`/so/don-vi/${A.code}`)).status).toBe(404);
    expect((await desk.clients.staff40.request(`/so/don-vi/${OTHER.code}`)).status).toBe(404);
  });

  it('refuses every post from a commune, a stranger, or without the CSRF token', async () => {
    const posts: Array<[string, Record<string, string>]> = [
      ['/so/ky', letter()],
      ['/so/ky/2026-FY/nhac', { offsets: '-1, 0' }],
      ['/so/ky/2026-FY/dong', {}],
      ['/so/lien-he/moi', { unitCode: A.code }],
      ['/so/lien-he/thu-hoi', { unitCode: A.code, email: 'a@nghiadan.example' }],
    ];
    await desk.clients.unitA.page(`/don-vi/${A.code}`);
    for (const [path, form] of posts) {
      expect((await desk.clients.unitA.post(path, form)).status, path).toBe(403);
      expect([303, 403], path).toContain((await desk.clients.anonymous.post(path, form)).status);
      const forged = await desk.clients.staff40.request(path, {
        method: 'POST',
        body: new URLSearchParams(form),
      });
      expect(forged.status, path).toBe(403);
    }
    expect(await roundById(desk.portal.target.ports.rounds, '40', '2026-Q4')).toBeNull();
    expect(await log()).toEqual([]);
  });
});

describe('rounds at the desk', () => {
  it('opens a round from a letter, refuses its id a second time, and records both', async () => {
    const c = desk.clients.staff40;
    await c.page('/so/ky');
    const res = await c.post('/so/ky', letter());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/so/ky?xong=opened#ky-2026-Q4');
    const round = await roundById(desk.portal.target.ports.rounds, '40', '2026-Q4');
    expect(round?.letter).toEqual({
      number: '88/SKHCN-QLCN',
      date: '2026-11-20',
      issuer: 'Sở Khoa học và Công nghệ tỉnh Nghệ An',
    });
    expect(round?.reminderOffsets).toEqual([-7, -3, 0]);
    const page = await c.page('/so/ky?xong=opened');
    expect(page.html).toContain('Báo cáo nhanh &lt;b&gt;chuyển đổi số&lt;/b&gt; quý IV');
    expect(page.html).not.toContain('<b>chuyển đổi số');

    const again = await c.post('/so/ky', letter({ letterNumber: '89/SKHCN-QLCN', title: 'Khác' }));
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain('Kỳ báo cáo 2026-Q4 đã có');
    expect(html).toContain('vui lòng chọn mã kỳ khác');
    expect(html).toContain('value="89/SKHCN-QLCN"'); // what was typed stays in the form
    expect((await roundById(desk.portal.target.ports.rounds, '40', '2026-Q4'))?.title).toContain(
      'quý IV',
    );
    // The other province has no such round and cannot change this one.
    expect(await roundById(desk.portal.target.ports.rounds, '42', '2026-Q4')).toBeNull();
    await desk.clients.staff42.page('/so/ky');
    expect((await desk.clients.staff42.post('/so/ky/2026-Q4/dong', {})).status).toBe(422);
    expect(
      (await roundById(desk.portal.target.ports.rounds, '40', '2026-Q4'))?.closedAt,
    ).toBeUndefined();
  });

  it('refuses a standing id, a past deadline and bad reminder days in Vietnamese', async () => {
    const c = desk.clients.staff40;
    await c.page('/so/ky');
    const standing = await c.post(
      '/so/ky',
      letter({ roundId: '2026-FY', letterNumber: '90/SKHCN' }),
    );
    expect(await standing.text()).toContain('Kỳ báo cáo 2026-FY đã có');
    const past = await c.post(
      '/so/ky',
      letter({ roundId: '2026-Q9', deadline: '2020-01-01', letterNumber: '91/X' }),
    );
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('đã qua; vui lòng chọn một ngày từ hôm nay trở đi');
    const days = await c.post('/so/ky/2026-Q4/nhac', { offsets: '-7, sáu' });
    expect(days.status).toBe(422);
    expect(await days.text()).toContain('Ngày nhắc là các số ngày so với hạn');
  });

  it('changes the reminder days and closes the round, each recorded with who did it', async () => {
    const c = desk.clients.staff40;
    await c.page('/so/ky');
    expect((await c.post('/so/ky/2026-Q4/nhac', { offsets: '3, -14, 0' })).status).toBe(303);
    expect(
      (await roundById(desk.portal.target.ports.rounds, '40', '2026-Q4'))?.reminderOffsets,
    ).toEqual([-14, 0, 3]);
    expect((await c.post('/so/ky/2026-Q4/dong', {})).status).toBe(303);
    expect(
      (await roundById(desk.portal.target.ports.rounds, '40', '2026-Q4'))?.closedAt,
    ).toBeTruthy();
    const entries = (await log()).filter((e) => e.subject === '2026-Q4');
    expect(entries.map((e) => e.action)).toEqual([
      'round_closed',
      'round_reminders',
      'round_opened',
    ]);
    for (const e of entries) expect(e.by.email).toBe('so40@example.vn');
    const page = await c.page('/so/ky');
    expect(page.html).toContain('Đóng kỳ');
    expect(page.html).toContain('ngày nhắc: -14, 0, 3');
    expect((await c.post('/so/ky/2026-Q4/mo-lai', {})).status).toBe(303);
    expect(
      (await roundById(desk.portal.target.ports.rounds, '40', '2026-Q4'))?.closedAt,
    ).toBeUndefined();
  });
});

describe('contacts and portal accounts at the desk', () => {
  const signIn = () => new CognitoSignIn(cognito(), process.env.COGNITO_CLIENT_ID!);

  it('imports a contact list: the province’s rows, and why the others were left', async () => {
    const c = desk.clients.staff40;
    const res = await postFile(
      c,
      '/so/lien-he/nhap',
      'lien-he.csv',
      csv([
        `${A.code},vanphong@nghiadan.example;<x>@bad,Nguyễn Văn <i>A</i>,0238 000 111`,
        `${OTHER.code},khac@tinhkhac.example,Người khác,`,
        '99999,ai@dau.example,Không có,',
      ]),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('1 đơn vị được cập nhật');
    expect(html).toContain(`Đơn vị ${OTHER.code} thuộc tỉnh khác`);
    expect(html).toContain('&lt;x&gt;@bad');
    expect(html).toContain('Nguyễn Văn &lt;i&gt;A&lt;/i&gt;');
    expect(html).toContain('Đã mời 1 địa chỉ mới');
    const units = await desk.portal.target.ports.units.list();
    expect(units.find((u) => u.code === A.code)?.emails).toEqual(['vanphong@nghiadan.example']);
    expect(units.find((u) => u.code === OTHER.code)?.emails).toEqual([]);
    expect(await desk.portal.invitationPassword('vanphong@nghiadan.example')).toBeTruthy();
    const kinds = (await log()).map((e) => e.action);
    expect(kinds).toContain('contacts_imported');
    expect(kinds).toContain('account_invited');
  });

  it('refuses a file that is not a contact list, in Vietnamese', async () => {
    const res = await postFile(
      desk.clients.staff40,
      '/so/lien-he/nhap',
      'x.pdf',
      new Blob(['%PDF-1.4']),
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Vui lòng gửi tệp .csv hoặc .xlsx');
  });

  it('revokes an account: it can no longer sign in; another province cannot revoke it', async () => {
    const email = 'vanphong@nghiadan.example';
    const password = (await desk.portal.invitationPassword(email))!;
    expect((await signIn().signIn(email, password)).kind).toBe('newPasswordRequired');
    await desk.clients.staff42.page('/so/lien-he');
    const stranger = await desk.clients.staff42.post('/so/lien-he/thu-hoi', {
      unitCode: A.code,
      email,
    });
    expect(stranger.status).toBe(422);
    expect((await signIn().signIn(email, password)).kind).toBe('newPasswordRequired');

    await desk.clients.staff40.page('/so/lien-he');
    const res = await desk.clients.staff40.post('/so/lien-he/thu-hoi', { unitCode: A.code, email });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/so/lien-he?xong=revoked');
    expect(await signIn().signIn(email, password)).toEqual({
      kind: 'refused',
      reason: 'credentials',
    });
    const entry = (await log()).find((e) => e.action === 'account_revoked');
    expect(entry).toMatchObject({ subject: email, by: { email: 'so40@example.vn' } });
    expect((await desk.clients.staff40.page('/so/lien-he')).html).toContain('Đã thu hồi');
    // An address the unit does not hold is refused, whatever account it names.
    const foreign = await desk.clients.staff40.post('/so/lien-he/thu-hoi', {
      unitCode: A.code,
      email: 'so40@example.vn',
    });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain('không thuộc đơn vị');
  });
});
