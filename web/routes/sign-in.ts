import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SignInRefusal } from '../../shared/ports/accounts.js';
import type { PortalDeps } from '../deps.js';
import { cookieOptions, endSession, type PortalEnv, startSession } from '../middleware/session.js';
import { newPasswordPage, signInPage } from '../views/sign-in.js';

const CHALLENGE_COOKIE = 'tonghop_challenge';

/** Only a path of this site: never an open redirect to another host. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
}

const REFUSED = {
  credentials:
    'Địa chỉ thư hoặc mật khẩu không đúng. Vui lòng nhập lại (mật khẩu phân biệt chữ hoa, chữ thường).',
  password:
    'Mật khẩu mới chưa đạt yêu cầu: ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.',
  locked:
    'Đã nhập sai mật khẩu nhiều lần liên tiếp nên tài khoản tạm bị khóa. Vui lòng chờ vài phút rồi thử lại.',
  expired:
    'Mật khẩu tạm trong thư mời đã quá 7 ngày nên không dùng được nữa. Vui lòng đề nghị Sở KHCN gửi lại thư mời.',
  session: 'Phiên đổi mật khẩu đã hết hạn. Vui lòng đăng nhập lại bằng mật khẩu tạm trong thư mời.',
  unavailable: 'Chưa đăng nhập được lúc này. Vui lòng thử lại sau ít phút.',
} as const satisfies Record<SignInRefusal, string>;

/** Sign-in, the first-sign-in password change and sign-out. */
export function signInRoutes(deps: PortalDeps) {
  const app = new Hono<PortalEnv>();

  app.get('/dang-nhap', (c) => {
    if (c.get('identity')) return c.redirect('/', 303);
    return c.html(signInPage({ csrf: c.get('csrf'), next: safeNext(c.req.query('tiep')) }));
  });

  app.post('/dang-nhap', async (c) => {
    const form = await c.req.parseBody();
    const email = String(form.email ?? '').trim();
    const next = safeNext(form.tiep);
    const result = await deps.signIn.signIn(email, String(form.password ?? ''));
    if (result.kind === 'signedIn') {
      startSession(c, deps, result.idToken);
      return c.redirect(next, 303);
    }
    if (result.kind === 'newPasswordRequired') {
      setCookie(c, CHALLENGE_COOKIE, result.session, cookieOptions(deps, 600));
      return c.html(newPasswordPage({ csrf: c.get('csrf'), email, next }));
    }
    const page = signInPage({ csrf: c.get('csrf'), next, email, error: REFUSED[result.reason] });
    return c.html(page, 401);
  });

  app.post('/doi-mat-khau', async (c) => {
    const form = await c.req.parseBody();
    const email = String(form.email ?? '').trim();
    const next = safeNext(form.tiep);
    const session = getCookie(c, CHALLENGE_COOKIE);
    const password = String(form.password ?? '');
    const again = (error: string, status: 400 | 401) =>
      c.html(newPasswordPage({ csrf: c.get('csrf'), email, next, error }), status);
    if (!session) {
      const error =
        'Phiên đổi mật khẩu đã hết hạn. Vui lòng đăng nhập lại bằng mật khẩu tạm trong thư mời.';
      return c.html(signInPage({ csrf: c.get('csrf'), next, email, error }), 401);
    }
    if (password !== String(form.confirm ?? ''))
      return again('Hai lần nhập mật khẩu mới không khớp nhau. Vui lòng nhập lại.', 400);
    const result = await deps.signIn.setNewPassword(email, session, password);
    if (result.kind === 'signedIn') {
      deleteCookie(c, CHALLENGE_COOKIE, { path: '/' });
      startSession(c, deps, result.idToken);
      return c.redirect(next, 303);
    }
    if (result.kind === 'newPasswordRequired') return again(REFUSED.password, 400);
    return again(REFUSED[result.reason], result.reason === 'password' ? 400 : 401);
  });

  app.post('/dang-xuat', (c) => {
    endSession(c);
    return c.redirect('/dang-nhap', 303);
  });

  return app;
}
