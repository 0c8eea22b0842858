import { html } from 'hono/html';
import { csrfField, notice, page } from './layout.js';

export function signInPage(input: {
  csrf: string;
  next: string;
  email?: string;
  error?: string;
  info?: string;
}) {
  return page(
    { title: 'Đăng nhập', csrf: input.csrf },
    html`<h1>Đăng nhập</h1>
<p>Dùng địa chỉ thư của đơn vị và mật khẩu. Lần đầu: mật khẩu tạm trong thư mời của Sở KHCN.</p>
${input.info ? notice('ok', input.info) : ''}
${input.error ? notice('error', input.error) : ''}
<form method="post" action="/dang-nhap" class="card stack">
  ${csrfField(input.csrf)}
  <input type="hidden" name="tiep" value="${input.next}">
  <label for="email">Địa chỉ thư</label>
  <input id="email" name="email" type="email" autocomplete="username" required value="${input.email ?? ''}">
  <label for="password">Mật khẩu</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Đăng nhập</button>
</form>
<p><a href="/quen-mat-khau">Quên mật khẩu?</a></p>`,
  );
}

export function newPasswordPage(input: {
  csrf: string;
  email: string;
  next: string;
  error?: string;
}) {
  return page(
    { title: 'Đặt mật khẩu mới', csrf: input.csrf },
    html`<h1>Đặt mật khẩu mới</h1>
<p>Đây là lần đăng nhập đầu tiên của ${input.email}. Hãy thay mật khẩu tạm trong thư mời bằng mật khẩu
của riêng mình: ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.</p>
${input.error ? notice('error', input.error) : ''}
<form method="post" action="/doi-mat-khau" class="card stack">
  ${csrfField(input.csrf)}
  <input type="hidden" name="tiep" value="${input.next}">
  <input type="hidden" name="email" value="${input.email}">
  <label for="password">Mật khẩu mới</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8">
  <label for="confirm">Nhập lại mật khẩu mới</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="8">
  <button type="submit">Lưu mật khẩu và tiếp tục</button>
</form>`,
  );
}
