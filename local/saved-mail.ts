import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';

export interface EmulatorMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** The mails SES v2 (aws-ses-v2-local) received in this process. */
export async function receivedMail(sesUrl: string): Promise<EmulatorMail[]> {
  const res = await fetch(`${sesUrl}/store`);
  return ((await res.json()) as { emails: EmulatorMail[] }).emails;
}

/**
 * The emulator keeps mail in memory only; each one is written to `<home>/mail/` as an .eml file
 * (opened by any mail reader), so that mail sent by one command can be read after it ends.
 */
export async function saveMail(sesUrl: string, dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const have = new Set(readdirSync(dir));
  let saved = 0;
  for (const m of await receivedMail(sesUrl)) {
    const name = `${new Date(m.at * 1000).toISOString().replace(/[:.]/g, '-')}-${m.messageId}.eml`;
    if (have.has(name)) continue;
    const res = await fetch(
      `${sesUrl}/get-emlContent?messageId=${encodeURIComponent(m.messageId)}`,
    );
    const { body } = (await res.json()) as { body: { type: 'Buffer'; data: number[] } | string };
    writeFileSync(join(dir, name), typeof body === 'string' ? body : Buffer.from(body.data));
    saved++;
  }
  return saved;
}

/**
 * Writes every mail to `dir` before the emulator answers its send: the sender marks a mail sent
 * in the ledger only after that answer, so a run killed at any point never has a "sent" mail
 * without its .eml.
 */
export function saveMailOnSend(ses: Server, sesUrl: () => string, dir: string): void {
  ses.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (
      req.method !== 'POST' ||
      !/^\/(v2\/email\/outbound-(bulk-)?emails)?(\?|$)/.test(req.url ?? '')
    )
      return;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      if (res.statusCode >= 300) return end(...args);
      saveMail(sesUrl(), dir).then(
        () => end(...args),
        () => end(...args),
      );
      return res;
    }) as ServerResponse['end'];
  });
}
