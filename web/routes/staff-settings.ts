import { type Context, Hono } from 'hono';
import { type SignerDeskDeps, setSigner } from '../../shared/desk/signer-desk.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { type SignerFormState, settingsPage, signerValues } from '../views/staff-settings.js';
import { deskAnswer } from './desk-answer.js';
import { flashOf, flashQuery } from './staff-flash.js';

type Desk = PortalDeps & { desk: DeskDeps };

const SIGNER_FIELDS = ['authority', 'principal', 'title', 'name'] as const;

async function render(
  c: Context<StaffEnv>,
  deps: Desk,
  form: SignerFormState | null,
  status: 200 | 422 = 200,
) {
  const who = c.get('staff');
  const [department, log] = await Promise.all([
    deps.desk.departments.get(who.provinceCode),
    deps.desk.log.list(who.provinceCode, 200),
  ]);
  const page = settingsPage({
    identity: who,
    csrf: c.get('csrf'),
    department,
    form: form ?? { values: signerValues(department), error: null },
    log: log.filter((e) => e.action === 'signer_set').slice(0, 20),
    flash: form?.error ? null : flashOf(c),
  });
  return c.html(page, status);
}

/** Settings: who signs the province's rollup (stored with the Department, in the desk log). */
export function staffSettingsRoutes(deps: Desk) {
  const app = new Hono<StaffEnv>();
  const signerDeps: SignerDeskDeps = {
    departments: deps.desk.departments,
    units: deps.units,
    log: deps.desk.log,
    now: () => deps.now?.() ?? new Date(),
  };
  app.use('/so/cai-dat', staffOnly);
  app.use('/so/cai-dat/*', staffOnly);

  app.get('/so/cai-dat', (c) => render(c, deps, null));

  app.post('/so/cai-dat/nguoi-ky', async (c) => {
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      SIGNER_FIELDS.map((f) => [f, String(body[f] ?? '').slice(0, 200)]),
    ) as Record<(typeof SIGNER_FIELDS)[number], string>;
    return deskAnswer(
      async () => {
        await setSigner(values, c.get('staff'), signerDeps);
        return c.redirect(`/so/cai-dat?${flashQuery('signer')}`, 303);
      },
      (e) => render(c, deps, { values, error: { field: e.field, message: e.message } }, 422),
    );
  });
  return app;
}
