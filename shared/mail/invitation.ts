import type { Department, Unit } from '../schemas/unit.js';
import { capitalize } from '../vocabulary/status-words.js';
import { unitLabel } from '../vocabulary/unit-names.js';
import { htmlPage } from './html.js';
import { signInPageUrl } from './portal-link.js';
import type { RenderedMail } from './templates.js';

/**
 * The portal invitation: where to go, the e-mail to sign in with, the temporary password and
 * that it must be changed at first sign-in. No storage path: the portal is the way in.
 */
export function invitationMail(input: {
  portalUrl: string;
  email: string;
  temporaryPassword: string;
  unit: Unit | null;
  department: Department | null;
}): RenderedMail {
  const { unit } = input;
  const whom = unit
    ? `Ủy ban nhân dân ${unitLabel(unit)}`
    : (input.department?.name ?? 'Sở Khoa học và Công nghệ');
  const subject = unit
    ? `[tonghop] Tài khoản nộp báo cáo của ${capitalize(unitLabel(unit))}`
    : '[tonghop] Tài khoản Sở KHCN trên cổng tổng hợp báo cáo';
  const paragraphs = [
    `Kính gửi ${whom},`,
    unit
      ? 'Sở Khoa học và Công nghệ đã tạo tài khoản để đơn vị nộp báo cáo khoa học, công nghệ, đổi mới sáng tạo ' +
        'và chuyển đổi số qua cổng tonghop, xem ngay kết quả đọc và lịch sử các lần nộp.'
      : 'Tài khoản này dùng để theo dõi tình hình nộp báo cáo của các đơn vị trong tỉnh trên cổng tonghop.',
    [
      `Đăng nhập tại: ${signInPageUrl(input.portalUrl)}`,
      `Đăng nhập bằng địa chỉ thư: ${input.email}`,
      `Mật khẩu tạm: ${input.temporaryPassword}`,
    ].join('\n'),
    `Lần đăng nhập đầu tiên, cổng sẽ yêu cầu đặt mật khẩu mới của riêng ${unit ? 'đơn vị' : 'mình'} ` +
      '(ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt). ' +
      'Mật khẩu tạm hết hạn sau 7 ngày; khi đó xin liên hệ Sở để được cấp lại.',
    'Vui lòng không chuyển tiếp thư này.',
  ];
  return { subject, text: paragraphs.join('\n\n'), html: htmlPage(subject, paragraphs) };
}
