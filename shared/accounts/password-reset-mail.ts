import { htmlPage } from '../mail/html.js';
import type { RenderedMail } from '../mail/templates.js';

/** Where a person types the code and a new password. */
export const resetPageUrl = (portalUrl: string) =>
  `${portalUrl.replace(/\/+$/, '')}/quen-mat-khau/dat-lai`;

/** How long a code is good for, as Cognito keeps it (one hour). */
export const RESET_CODE_MINUTES = 60;

/**
 * The mail with the reset code. Cognito sends it on AWS from this same text with `{####}` for the
 * code (infra/portal.ts); the embedded stack renders it with the code and sends it through SES.
 */
export function passwordResetMail(input: { portalUrl: string; code: string }): RenderedMail {
  const subject = '[tonghop] Mã đặt lại mật khẩu cổng báo cáo';
  const paragraphs = [
    `Mã đặt lại mật khẩu của tài khoản trên cổng tonghop: ${input.code}`,
    `Nhập mã này và mật khẩu mới tại: ${resetPageUrl(input.portalUrl)}`,
    `Mã dùng được trong ${RESET_CODE_MINUTES} phút. Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: ` +
      'mật khẩu cũ vẫn dùng được.',
  ];
  return { subject, text: `${paragraphs.join('\n\n')}\n`, html: htmlPage(subject, paragraphs) };
}
