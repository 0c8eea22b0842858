import type { Context } from 'hono';

// After an action the desk redirects (POST → GET) with a short code in the query; the page shows
// the fixed text of that code. Free text never travels in an address: a link cannot put words
// into the Department's pages.
const FLASH = {
  approve: ['ok', 'Đã duyệt: báo cáo được tính.'],
  return: ['ok', 'Đã trả lại để sửa; đơn vị nhận được thư kèm lời nhắn và đường dẫn trang nộp.'],
  assign: ['ok', 'Đã gán cho đơn vị; tệp được tính là báo cáo của đơn vị, đơn vị đã được báo.'],
  not_report: ['ok', 'Đã đánh dấu không phải báo cáo.'],
  move: [
    'ok',
    'Đã chuyển báo cáo sang đúng kỳ; bản ở kỳ cũ không được tính, việc chuyển ghi vào nhật ký.',
  ],
  checked: ['ok', 'Đã ghi quyết định kiểm tra; báo cáo tổng hợp lập lại sẽ theo quyết định này.'],
  confirmed: ['ok', 'Đã ghi xác nhận của đơn vị.'],
  no_mail: [
    'error',
    'Đã lưu quyết định, nhưng đơn vị chưa có địa chỉ thư: hãy báo đơn vị bằng cách khác.',
  ],
  built: ['ok', 'Đã lập lại báo cáo tổng hợp.'],
  opened: ['ok', 'Đã mở kỳ báo cáo; các đơn vị được nhắc hạn theo ngày nhắc của kỳ.'],
  reminders: ['ok', 'Đã lưu ngày nhắc của kỳ.'],
  closed: ['ok', 'Đã đóng kỳ: không nhắc hạn, không lập dự thảo nữa; tệp nộp vẫn được ghi nhận.'],
  reopened: ['ok', 'Đã mở lại kỳ.'],
  invited: ['ok', 'Đã mời: mỗi địa chỉ mới nhận thư mời kèm mật khẩu tạm.'],
  invited_none: ['ok', 'Các địa chỉ của đơn vị đều đã có tài khoản; không gửi thư mời mới.'],
  revoked: ['ok', 'Đã thu hồi tài khoản: địa chỉ này không đăng nhập được nữa.'],
  signer: ['ok', 'Đã lưu người ký; báo cáo tổng hợp lập từ nay in khối chữ ký này.'],
} as const satisfies Record<string, readonly ['ok' | 'error', string]>;

export type FlashCode = keyof typeof FLASH;

export const flashQuery = (code: FlashCode) => `xong=${code}`;

export function flashOf(c: Context): { kind: 'ok' | 'error'; text: string } | null {
  const code = c.req.query('xong');
  if (!code || !Object.hasOwn(FLASH, code)) return null;
  const [kind, text] = FLASH[code as FlashCode];
  return { kind, text };
}
