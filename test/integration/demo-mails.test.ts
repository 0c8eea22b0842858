import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVINCE, DEMO_ROUND, demo } from '../../bin/commands/demo.js';
import {
  choosePortalPort,
  invitationPassword,
  type Serving,
  servePortal,
} from '../../bin/commands/serve.js';
import { type LocalTarget, openLocalTarget } from '../../bin/target.js';
import { PortalClient, signInFirstTime } from '../../scripts/portal-client.js';

// Every mail `npm start` writes as an .eml (invitations, receipts, reminders, the digest, the
// rollup, a file returned by the Department, a password reset) links to the exact page where its
// reader acts, at the address the portal is served on: the demo mails before the portal listens,
// so its port is chosen first, as `demo --serve` does.

let target: LocalTarget;
let serving: Serving;
const STAFF = 'sokhcn@nghean.example';

/** A decoded .eml: who it is to, its subject and its text and HTML parts. */
interface Eml {
  file: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

// RFC 2045/2047 decoding of what the SES emulator writes (quoted-printable or base64 parts, Q or
// B encoded subject words).
const qp = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
const word = (s: string) =>
  s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, t: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(t, 'base64').toString('utf8')
        : qp(t.replace(/_/g, ' ')),
    );

function readEml(file: string): Eml {
  const raw = readFileSync(file, 'utf8');
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const header = (name: string) =>
    new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi')
      .exec(head)?.[1]
      ?.replace(/\r?\n[ \t]/g, ' ') ?? '';
  const body = rest.join('\n\n');
  const part = (type: string) => {
    const m = new RegExp(
      `Content-Type: ${type}[^\\n]*\\r?\\nContent-Transfer-Encoding: (\\S+)\\r?\\n\\r?\\n([\\s\\S]*?)\\r?\\n--`,
      'i',
    ).exec(body);
    if (!m) return '';
    return m[1]!.toLowerCase() === 'base64'
      ? Buffer.from(m[2]!, 'base64').toString('utf8')
      : qp(m[2]!);
  };
  return {
    file,
    to: header('To'),
    subject: word(header('Subject')),
    text: part('text/plain'),
    html: part('text/html'),
  };
}

beforeAll(async () => {
  process.env.TONGHOP_HOME = mkdtempSync(join(tmpdir(), 'tonghop-demo-mail-'));
  process.env.TONGHOP_RETRY_DELAY_MS = '20';
  const port = await choosePortalPort(0);
  target = await openLocalTarget();
  await demo(target, new Writable({ write: (_c, _e, done) => done() }));
  serving = await servePortal(target, port);
}, 600_000);
afterAll(async () => {
  await serving?.stop();
  await target?.close();
});

/** Mails in the .eml folder, once it holds one whose subject matches `until`. */
async function mailsUntil(until: RegExp): Promise<Eml[]> {
  const dir = target.mailDir!;
  for (let i = 0; i < 120; i++) {
    const mails = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readEml(join(dir, f)));
    if (mails.some((m) => until.test(m.subject))) return mails;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail matching ${until} in ${dir}`);
}

describe('the demo’s mails lead where their reader acts', () => {
  it('every .eml links to the page of its kind, on the portal as served', async () => {
    // The Department signs in, returns a file that needs review, and asks for a password reset.
    const temporary = (await invitationPassword(target, STAFF))!;
    const staff = await signInFirstTime(serving.url, STAFF, temporary, 'Mat-Khau-Rieng-2026');
    const queue = await staff.page('/so/xem-xet');
    const file = new RegExp(`/so/ho-so/${DEMO_ROUND}/\\d{5}/[^"?#]+`).exec(queue.html)![0];
    await staff.page(file);
    const returned = await staff.post(file, { action: 'return', reason: 'Bổ sung số văn bản.' });
    expect(returned.status).toBe(303);
    const visitor = new PortalClient(serving.url);
    await visitor.page('/quen-mat-khau');
    expect((await visitor.post('/quen-mat-khau', { email: STAFF })).status).toBe(200);
    await mailsUntil(/trả lại báo cáo/);
    const mails = await mailsUntil(/Mã đặt lại mật khẩu/);

    const units = await target.ports.units.list(DEMO_PROVINCE);
    const unitOf = (email: string) => units.find((u) => u.emails.includes(email))?.code;
    const unitPage = (m: Eml) => `/don-vi/${unitOf(m.to)}/ky/${DEMO_ROUND}`;
    const KINDS: Array<[string, RegExp, (m: Eml) => string]> = [
      ['reminder', /^\[tonghop\] (Nhắc hạn|Quá hạn):/, unitPage],
      ['receipt', /^\[tonghop\] Đã nhận báo cáo:/, unitPage],
      ['return', /^\[tonghop\] Sở KHCN trả lại báo cáo/, unitPage],
      ['digest', /^\[tonghop\] Tổng hợp tình hình nộp:/, () => `/so?ky=${DEMO_ROUND}`],
      ['rollup', /dự thảo báo cáo tổng hợp/, () => `/so/tong-hop#ky-${DEMO_ROUND}`],
      ['invitation', /^\[tonghop\] Tài khoản/, () => '/dang-nhap'],
      ['password reset', /^\[tonghop\] Mã đặt lại mật khẩu/, () => '/quen-mat-khau/dat-lai'],
    ];
    const seen = new Map<string, number>();
    const wrong: string[] = [];
    for (const m of mails) {
      const kind = KINDS.find(([, re]) => re.test(m.subject));
      if (!kind) {
        wrong.push(`${m.file}: a mail of no known kind: ${m.subject}`);
        continue;
      }
      seen.set(kind[0], (seen.get(kind[0]) ?? 0) + 1);
      const page = `${serving.url}${kind[2](m)}`;
      if (page.includes('/don-vi/undefined'))
        wrong.push(`${m.subject}: to ${m.to}, no unit has it`);
      if (!m.text.includes(page)) wrong.push(`${m.subject}: text lacks ${page}`);
      if (!m.html.includes(`href="${page}`))
        wrong.push(`${m.subject}: HTML lacks a link to ${page}`);
      // No other address: not the default port, not a placeholder, not storage.
      for (const url of `${m.text} ${m.html}`.match(/https?:\/\/[^\s"<>)]+/g) ?? [])
        if (!url.startsWith(`${serving.url}/`)) wrong.push(`${m.subject}: links ${url}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual(KINDS.map(([k]) => k).sort());
    expect(seen.get('reminder')).toBeGreaterThan(100);
  }, 300_000);
});
