import { type AddressInfo, createServer } from 'node:net';
import { serve as nodeServe } from '@hono/node-server';
import { unitLabel } from '../../shared/vocabulary/unit-names.js';
import { createPortal } from '../../web/app.js';
import { portalDeps } from '../../web/portal-deps.js';
import type { LocalTarget } from '../target.js';
import { DEMO_PROVINCE, DEMO_ROUND } from './demo.js';
import { DEFAULT_LOCAL_PORT } from './invite.js';

export interface Serving {
  url: string;
  stop(): Promise<void>;
}

/**
 * The portal on the embedded stack: the same app as the Lambda, on 127.0.0.1:`port`, while a
 * background loop does what SQS and Lambda do on AWS (ingest each upload, send the mail).
 */
export async function servePortal(
  target: LocalTarget,
  port = DEFAULT_LOCAL_PORT,
): Promise<Serving> {
  const { server, url } = await listen(port, target);
  let stopped = false;
  // Woken by each message sent to the ingest or mail queue (an upload's S3 event, a receipt), so
  // an upload is read as soon as it lands, as the SQS event source does on AWS; the idle look is
  // for messages another process queued. Retries wait for their visibility inside settle().
  let sent = false;
  let wake = () => {};
  const { ingestQueue, mailQueue } = target.stack;
  const unsubscribe = [ingestQueue, mailQueue].map((q) =>
    q.onSend(() => {
      sent = true;
      wake();
    }),
  );
  const loop = (async () => {
    while (!stopped) {
      sent = false;
      await target.settle().catch((e) => console.error('ingest', e));
      await target.sendMail().catch((e) => console.error('mail', e));
      if (sent || stopped) continue;
      await new Promise<void>((r) => {
        const timer = setTimeout(r, IDLE_LOOK_MS);
        wake = () => {
          clearTimeout(timer);
          r();
        };
      });
    }
  })();
  return {
    url,
    async stop() {
      stopped = true;
      wake();
      await loop;
      for (const off of unsubscribe) off();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** How often the delivery loop looks at its queues when nothing in this process woke it. */
const IDLE_LOOK_MS = 1000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/**
 * Chooses the portal's port and makes its address PORTAL_URL, before the stack opens: every mail
 * written from then on (the demo's receipts and reminders included) links to where it will listen.
 */
export async function choosePortalPort(wanted = DEFAULT_LOCAL_PORT): Promise<number> {
  const port = wanted || (await freePort());
  process.env.PORTAL_URL = `http://127.0.0.1:${port}`;
  return port;
}

async function listen(
  wanted: number,
  target: LocalTarget,
): Promise<{ server: ReturnType<typeof nodeServe>; url: string }> {
  const port = wanted || (await choosePortalPort(0));
  const url = `http://127.0.0.1:${port}`;
  // Known before the app is made: cookies, the CSRF origin check and upload redirects use it.
  process.env.PORTAL_URL = url;
  const deps = portalDeps();
  // The desk's mail (returned or assigned files) goes to the local mail queue the loop drains.
  if (deps.desk) deps.desk.outbox = target.ports.outbox;
  const app = createPortal(deps);
  return new Promise((ok, fail) => {
    const server = nodeServe({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
      ok({ server, url }),
    );
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new Error(`Cổng ${port} đang được dùng; chọn cổng khác bằng --port.`)
          : e,
      ),
    );
  });
}

/** What `tonghop serve` and `npm start` print: the address and how to sign in. */
export function servingText(url: string, target: LocalTarget, demoUnitEmail?: string): string {
  const lines = [
    '',
    `Cổng nộp báo cáo đang chạy tại ${url}  (Ctrl-C để dừng)`,
    '',
    'Đăng nhập: mỗi địa chỉ trong danh sách liên hệ đã nhập (tonghop units import <tệp CSV>) nhận một thư mời',
    'kèm mật khẩu tạm; lần đầu đăng nhập cổng yêu cầu đặt mật khẩu mới.',
    `Thư mời xem tại hộp thư giả lập ${target.stack.endpoints.ses} (khi lệnh này còn chạy)`,
    `hoặc các tệp .eml trong ${target.mailDir}.`,
    ...(demoUnitEmail
      ? [`Thử với đơn vị mẫu: ${demoUnitEmail}; Sở KHCN Nghệ An: sokhcn@nghean.example.`]
      : []),
    '',
  ];
  return lines.join('\n');
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((ok) => {
    process.once('SIGINT', () => ok());
    process.once('SIGTERM', () => ok());
  });
}

const PASSWORD_LINE = /Mật khẩu tạm: (\S+)/;

/** The temporary password of the invitation the running SES emulator holds for `email`, if any. */
export async function invitationPassword(
  target: LocalTarget,
  email: string,
): Promise<string | null> {
  const { receivedMail } = await import('../../local/saved-mail.js');
  const mails = await receivedMail(target.stack.endpoints.ses);
  const invitations = mails.filter(
    (m) => m.destination.to.includes(email) && PASSWORD_LINE.test(m.body.text ?? ''),
  );
  return PASSWORD_LINE.exec(invitations.at(-1)?.body.text ?? '')?.[1] ?? null;
}

/** How to sign in as a demo account: its address and, on a first run, its temporary password. */
export async function demoAccountLine(
  target: LocalTarget,
  who: string,
  email: string,
): Promise<string> {
  const password = await invitationPassword(target, email);
  return password
    ? `  ${who}: ${email}  mật khẩu tạm: ${password}`
    : `  ${who}: ${email}  (tài khoản có từ lần chạy trước: dùng mật khẩu đã đặt, hoặc xoá .tonghop để bắt đầu lại)`;
}

/** Where the Department finds the demo's round: the board opens on the round of today's date. */
export const deskLinks = (url: string) => [
  '',
  `Sở KHCN (sau khi đăng nhập): tình hình nộp kỳ mẫu ${DEMO_ROUND}: ${url}/so?ky=${DEMO_ROUND}`,
  `  hồ sơ cần xem xét (tệp chưa xác định đơn vị, báo cáo cần xem lại): ${url}/so/xem-xet`,
  `  báo cáo tổng hợp (lập lại, tải về): ${url}/so/tong-hop`,
];

/** What `npm start` prints once the portal runs: its address and the demo accounts' sign-in. */
export async function demoSignInText(target: LocalTarget, url: string): Promise<string> {
  const rows = await target.ports.submissions.listRound(DEMO_PROVINCE, DEMO_ROUND);
  const units = await target.ports.units.list(DEMO_PROVINCE);
  const accepted = rows.find(
    (s) => s.status === 'accepted' && units.some((u) => u.code === s.unitCode && u.emails.length),
  );
  const unit =
    units.find((u) => u.code === accepted?.unitCode) ?? units.find((u) => u.emails.length);
  const department = await target.ports.departments.get(DEMO_PROVINCE);
  const lines = [servingText(url, target), 'Tài khoản mẫu:'];
  if (unit?.emails[0])
    lines.push(
      await demoAccountLine(target, `UBND ${unitLabel(unit)} (${unit.code})`, unit.emails[0]),
    );
  if (department?.emails[0]) {
    lines.push(await demoAccountLine(target, department.name, department.emails[0]));
    lines.push(...deskLinks(url));
  }
  return `${lines.join('\n')}\n\n`;
}

/** `npm start`: after the demo, the portal, with the demo commune's and the Department's sign-in. */
export async function serveDemo(target: LocalTarget, port = DEFAULT_LOCAL_PORT): Promise<void> {
  const serving = await servePortal(target, port);
  process.stdout.write(await demoSignInText(target, serving.url));
  await untilInterrupted();
  await serving.stop();
}
