import { Hono } from 'hono';
import { confirmReset, requestResetCode } from '../../shared/accounts/reset-password.js';
import type { ResetRefusal } from '../../shared/ports/password-reset.js';
import type { PortalDeps } from '../deps.js';
import type { PortalEnv } from '../middleware/session.js';
import { forgotPage, resetPage } from '../views/password-reset.js';
import { signInPage } from '../views/sign-in.js';

// One line each: what happened and what to do.
const REFUSED: Record<ResetRefusal, string> = {
  code: 'Mã không đúng. Vui lòng nhập đúng mã 6 chữ số trong thư mới nhất, hoặc gửi lại mã.',
  expired: 'Mã đã hết hạn. Vui lòng bấm "Gửi lại mã" để nhận mã mới.',
  password:
    'Mật khẩu mới chưa đạt yêu cầu: ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.',
  limit: 'Đã yêu cầu quá nhiều lần. Vui lòng đợi một giờ rồi thử lại, hoặc liên hệ Sở KHCN.',
  invited:
    'Tài khoản này chưa đăng nhập lần nào: hãy đăng nhập bằng mật khẩu tạm trong thư mời của Sở KHCN; ' +
    'nếu mật khẩu tạm đã hết hạn, liên hệ Sở để được cấp lại.',
  unavailable: 'Chưa đặt lại được mật khẩu lúc này. Vui lòng thử lại sau ít phút.',
};

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** "Quên mật khẩu?": a code mailed by the pool, then the new password with it. */
export function passwordResetRoutes(deps: PortalDeps) {
  const app = new Hono<PortalEnv>();
  const flow = deps.passwordReset;
  const resetDeps = flow && { ...flow, now: () => deps.now?.() ?? new Date() };

  app.get('/quen-mat-khau', (c) => c.html(forgotPage({ csrf: c.get('csrf') })));
  app.get('/quen-mat-khau/dat-lai', (c) =>
    c.html(resetPage({ csrf: c.get('csrf'), email: c.req.query('email') ?? '' })),
  );

  app.post('/quen-mat-khau', async (c) => {
    const email = String((await c.req.parseBody()).email ?? '')
      .trim()
      .slice(0, 320);
    if (!EMAIL.test(email))
      return c.html(
        forgotPage({ csrf: c.get('csrf'), email, error: 'Vui lòng nhập đúng địa chỉ thư.' }),
        400,
      );
    const result = resetDeps
      ? await requestResetCode(email, resetDeps)
      : ({ kind: 'refused', reason: 'unavailable' } as const);
    if (result.kind === 'refused')
      return c.html(forgotPage({ csrf: c.get('csrf'), email, error: REFUSED[result.reason] }), 429);
    return c.html(resetPage({ csrf: c.get('csrf'), email, sent: true }));
  });

  app.post('/quen-mat-khau/dat-lai', async (c) => {
    const form = await c.req.parseBody();
    const email = String(form.email ?? '')
      .trim()
      .slice(0, 320);
    const password = String(form.password ?? '');
    const again = (error: string, status: 400 | 429) =>
      c.html(resetPage({ csrf: c.get('csrf'), email, error }), status);
    if (password !== String(form.confirm ?? ''))
      return again('Hai lần nhập mật khẩu mới không khớp nhau. Vui lòng nhập lại.', 400);
    if (!resetDeps) return again(REFUSED.unavailable, 400);
    const result = await confirmReset(email, String(form.code ?? ''), password, resetDeps);
    if (result.kind === 'refused')
      return again(REFUSED[result.reason], result.reason === 'limit' ? 429 : 400);
    const done = 'Đã đặt mật khẩu mới. Vui lòng đăng nhập bằng mật khẩu vừa đặt.';
    return c.html(signInPage({ csrf: c.get('csrf'), next: '/', email, info: done }));
  });

  return app;
}
