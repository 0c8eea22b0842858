import { html } from 'hono/html';
import { PASSWORD_POLICY } from '../../adapters/cognito-pool.js';
import { RESET_CODE_MINUTES } from '../../shared/accounts/password-reset-mail.js';
import { csrfField, notice, page } from './layout.js';

const RULE = `ít nhất ${PASSWORD_POLICY.minLength} ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt`;

/** Step 1: the address to send a code to. */
export function forgotPage(input: { csrf: string; email?: string; error?: string }) {
  return page(
    { title: 'Quên mật khẩu', csrf: input.csrf },
    html`<h1>Quên mật khẩu</h1>
<p>Nhập địa chỉ thư dùng để đăng nhập; cổng gửi một mã 6 chữ số đến địa chỉ đó để đặt mật khẩu mới.</p>
${input.error ? notice('error', input.error) : ''}
<form method="post" action="/quen-mat-khau" class="card stack">
  ${csrfField(input.csrf)}
  <label for="email">Địa chỉ thư</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${input.email ?? ''}">
  <button type="submit">Gửi mã đặt lại mật khẩu</button>
</form>
<p><a href="/dang-nhap">← Quay lại đăng nhập</a></p>`,
  );
}

/** Step 2: the mailed code and the new password. */
export function resetPage(input: { csrf: string; email?: string; error?: string; sent?: boolean }) {
  return page(
    { title: 'Đặt lại mật khẩu', csrf: input.csrf },
    html`<h1>Đặt lại mật khẩu</h1>
${
  input.sent
    ? notice(
        'ok',
        `Nếu ${input.email ?? 'địa chỉ này'} có tài khoản, mã đặt lại mật khẩu vừa được gửi đến đó ` +
          `(dùng được trong ${RESET_CODE_MINUTES} phút). Mở thư, nhập mã và mật khẩu mới bên dưới.`,
      )
    : ''
}
${input.error ? notice('error', input.error) : ''}
<form method="post" action="/quen-mat-khau/dat-lai" class="card stack">
  ${csrfField(input.csrf)}
  <label for="email">Địa chỉ thư</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${input.email ?? ''}">
  <label for="code">Mã trong thư (6 chữ số)</label>
  <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required
    pattern="[0-9]{6}" maxlength="6">
  <label for="password">Mật khẩu mới (${RULE})</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8">
  <label for="confirm">Nhập lại mật khẩu mới</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="8">
  <button type="submit">Đặt mật khẩu mới</button>
</form>
<p><a href="/quen-mat-khau">Chưa nhận được thư? Gửi lại mã</a></p>`,
  );
}
