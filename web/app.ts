import { Hono } from 'hono';
import type { PortalDeps } from './deps.js';
import { csrf } from './middleware/csrf.js';
import { securityHeaders } from './middleware/security-headers.js';
import { type PortalEnv, session } from './middleware/session.js';
import { homeRoutes } from './routes/home.js';
import { passwordResetRoutes } from './routes/password-reset.js';
import { signInRoutes } from './routes/sign-in.js';
import { staffRoutes } from './routes/staff.js';
import { staticRoutes } from './routes/static.js';
import { unitRoutes } from './routes/unit.js';
import { uploadRoutes } from './routes/upload.js';
import { errorPage } from './views/error.js';

/**
 * The portal: one Hono app served by the Lambda handler (functions/portal) and by
 * `tonghop serve`. Each area is a route module mounted here; the Department's desk adds its own.
 */
export function createPortal(
  deps: PortalDeps,
  areas: Array<(d: PortalDeps) => Hono<PortalEnv>> = [],
) {
  const app = new Hono<PortalEnv>();
  app.use(securityHeaders(deps));
  app.route('/', staticRoutes() as never);
  app.use(session(deps));
  app.use(csrf(deps));
  app.route('/', signInRoutes(deps));
  app.route('/', passwordResetRoutes(deps));
  app.route('/', homeRoutes(deps));
  app.route('/', unitRoutes(deps) as never);
  app.route('/', uploadRoutes(deps) as never);
  app.route('/', staffRoutes(deps));
  for (const area of areas) app.route('/', area(deps));
  app.notFound((c) =>
    c.html(errorPage(c.get('csrf') ?? '', c.get('identity') ?? null, 'notFound'), 404),
  );
  app.onError((err, c) => {
    console.error('portal error', err);
    return c.text(
      'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, báo cho Sở KHCN.',
      500,
    );
  });
  return app;
}
