import { objectRefsOf } from '../../functions/ingest/object-refs.js';
import { ObjectRef } from '../../shared/schemas/object-ref.js';
import type { Target } from '../target.js';

export interface DlqEntry {
  messageId: string;
  receiveCount: number;
  keys: string[];
  body: string;
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

export async function listDlq(target: Target): Promise<DlqEntry[]> {
  return (await target.ports.deadLetters.list()).map((m) => {
    let keys: string[] = [];
    try {
      keys = objectRefsOf(m.body).map((r) => r.key);
    } catch {
      // Not an S3 event: the OCR queue's message is one ObjectRef; anything else is shown as such.
      const ref = ObjectRef.safeParse(safeJson(m.body));
      if (ref.success) keys = [ref.data.key];
    }
    return { messageId: m.messageId, receiveCount: m.receiveCount, keys, body: m.body };
  });
}

export function formatDlq(entries: DlqEntry[]): string {
  if (!entries.length) return 'Hàng đợi lỗi (DLQ) trống.\n';
  return (
    entries
      .map(
        (e) =>
          `${e.messageId}  nhận ${e.receiveCount} lần  ${e.keys.join(', ') || '(không phải sự kiện S3)'}`,
      )
      .join('\n') +
    `\n${entries.length} tin trong hàng đợi lỗi; chạy "tonghop dlq redrive" để xử lý lại.\n`
  );
}
