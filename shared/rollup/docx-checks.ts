import type { Paragraph } from 'docx';
import type { Rollup } from '../schemas/rollup.js';
import { para } from './docx-blocks.js';

/**
 * What the Department checked before signing, in one paragraph: the signed document says how
 * many doubtful items were looked at and that unconfirmed scanned figures are not in it.
 */
export function checksNote(r: Rollup): Paragraph[] {
  const c = r.checks;
  if (!c) return [];
  const checked = c.accepted + c.edited + c.dropped;
  const parts = [
    checked
      ? `Đã kiểm tra ${checked} mục trước khi ký (chấp nhận ${c.accepted}, sửa ${c.edited}, ` +
        `bỏ ${c.dropped})`
      : c.pending
        ? 'Chưa kiểm tra mục nào trước khi ký'
        : 'Không có mục chưa chắc chắn nào cần kiểm tra trước khi ký',
    c.pending ? `${c.pending} mục chưa chắc chắn chưa được Sở kiểm tra` : '',
    c.confirmedByUnits
      ? `${c.confirmedByUnits} số liệu đã được đơn vị báo cáo xác nhận hoặc sửa trên cổng`
      : '',
    c.figuresLeftOut
      ? `${c.figuresLeftOut} số liệu đọc từ bản quét chưa được xác nhận không đưa vào báo cáo này`
      : '',
  ].filter(Boolean);
  return [para(`${parts.join('; ')}.`, { italics: true })];
}

const BASIS_WORDS = {
  typed: 'Đọc từ văn bản đánh máy',
  confirmed: 'Đơn vị đã xác nhận',
  corrected: 'Đơn vị đã sửa',
  accepted: 'Sở chấp nhận khi kiểm tra trước khi ký',
  edited: 'Sở sửa khi kiểm tra trước khi ký',
} as const;

/** Who a figure rests on, for the XLSX: "Đơn vị đã sửa (đọc được 72,5): vp@xa… lúc …". */
export function basisText(b: Rollup['indicators'][number]['values'][number]['basis']): string {
  // Built without statements (the sample, an old build): nothing to say.
  if (!b) return '';
  const read = b.read !== undefined ? ` (đọc được ${String(b.read).replace('.', ',')})` : '';
  const scanned = b.scanned ? ', số liệu đọc từ bản quét' : '';
  const who = b.by
    ? `: ${b.by}${b.at ? ` lúc ${b.at.slice(0, 16).replace('T', ' ')} UTC` : ''}`
    : '';
  return `${BASIS_WORDS[b.kind]}${read}${scanned}${who}`;
}
