import { type AddressInfo, createServer } from 'node:net';
import { serve as nodeServe } from '@hono/node-server';
import { createPortal } from '../../web/app.js';
import { portalDeps } from '../../web/portal-deps.js';
import type { Target } from '../target.js';
import { DEFAULT_LOCAL_PORT } from './invite.js';

export interface Serving {
  url: string;
  stop(): Promise<void>;
}

/**
 * The portal on the embedded stack: the same app as the Lambda, on 127.0.0.1:`port`, while a
 * background loop does what SQS and Lambda do on AWS (ingest each upload, send the mail).
 */
export async function servePortal(target: Target, port = DEFAULT_LOCAL_PORT): Promise<Serving> {
  if (!target.local)
    throw new Error('tonghop serve chạy trên máy; trên AWS cổng là hàm Lambda đã triển khai.');
  const { server, url } = await listen(port, target);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await target.settle().catch((e) => console.error('ingest', e));
      await target.sendMail().catch((e) => console.error('mail', e));
      await new Promise((r) => setTimeout(r, 300));
    }
  })();
  return {
    url,
    async stop() {
      stopped = true;
      await loop;
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

async function listen(
  wanted: number,
  target: Target,
): Promise<{ server: ReturnType<typeof nodeServe>; url: string }> {
  const port = wanted || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // Known before the app is made: cookies, the CSRF origin check and upload redirects use it.
  process.env.PORTAL_URL = url;
  const deps = portalDeps();
  // The desk's mail (returned or assigned files) goes to the local mail queue the loop drains.
  if (deps.desk) deps.desk.outbox = target.jobs.outbox;
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
export function servingText(url: string, target: Target, demoUnitEmail?: string): string {
  const local = target.local;
  const lines = [
    '',
    `Cổng nộp báo cáo đang chạy tại ${url}  (Ctrl-C để dừng)`,
    '',
    'Đăng nhập: mỗi địa chỉ trong danh sách liên hệ đã nhập (tonghop units import <tệp CSV>) nhận một thư mời',
    'kèm mật khẩu tạm; lần đầu đăng nhập cổng yêu cầu đặt mật khẩu mới.',
    ...(local
      ? [
          `Thư mời xem tại hộp thư giả lập ${local.endpoints.ses} (khi lệnh này còn chạy)`,
          `hoặc các tệp .eml trong ${local.mailDir}.`,
        ]
      : []),
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
