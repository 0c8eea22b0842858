import { type Context, Hono } from 'hono';
import { DeskRefused } from '../../shared/desk/desk-staff.js';
import {
  importTrustFiles,
  recheckTrust,
  removeTrusted,
  type TrustDeskDeps,
} from '../../shared/desk/trust-desk.js';
import {
  MAX_TRUST_FILE_BYTES,
  MAX_TRUST_FILES,
} from '../../shared/files/signatures/trust-import.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { type TrustInput, trustPage } from '../views/staff-trust.js';
import { deskAnswer } from './desk-answer.js';

type Desk = PortalDeps & { desk: DeskDeps };

const TRUST_ACTIONS = new Set(['trust_imported', 'trust_removed', 'signatures_rechecked']);

type Shown = { outcome?: TrustInput['outcome']; refused?: string; status?: 200 | 422 };

async function render(c: Context<StaffEnv>, deps: Desk, shown: Shown = {}) {
  const who = c.get('staff');
  const [list, log] = await Promise.all([
    deps.desk.trust.list(who.provinceCode),
    deps.desk.log.list(who.provinceCode, 1000),
  ]);
  const page = trustPage({
    identity: who,
    csrf: c.get('csrf'),
    list: list.sort((a, b) => a.subject.localeCompare(b.subject, 'vi')),
    log: log.filter((e) => TRUST_ACTIONS.has(e.action)).slice(0, 20),
    outcome: shown.outcome ?? null,
    flash: shown.refused ? { kind: 'error', text: shown.refused } : null,
    now: deps.now?.() ?? new Date(),
  });
  return c.html(page, shown.status ?? 200);
}

/** The chosen files, refused before they are read when there are too many or one is too large. */
async function uploaded(c: Context<StaffEnv>) {
  const body = await c.req.parseBody({ all: true });
  const chosen = ([] as unknown[]).concat(body.file ?? []);
  const files = chosen.filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length > MAX_TRUST_FILES)
    throw new DeskRefused('file', `Mỗi lần nhập tối đa ${MAX_TRUST_FILES} tệp.`);
  const large = files.find((f) => f.size > MAX_TRUST_FILE_BYTES);
  if (large)
    throw new DeskRefused(
      'file',
      `Tệp "${large.name.slice(0, 200)}" lớn hơn ${MAX_TRUST_FILE_BYTES / 1024} KB, không phải tệp chứng thư số.`,
    );
  return Promise.all(
    files.map(async (f) => ({
      name: f.name.slice(0, 200),
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
}

/** The trust list: import certificates, take one off, verify received files again. */
export function staffTrustRoutes(deps: Desk) {
  const app = new Hono<StaffEnv>();
  const trustDeps: TrustDeskDeps = {
    trust: deps.desk.trust,
    log: deps.desk.log,
    rounds: deps.rounds,
    submissions: deps.submissions,
    objects: deps.desk.objects,
    units: deps.units,
    now: () => deps.now?.() ?? new Date(),
  };
  app.use('/so/tin-cay', staffOnly);
  app.use('/so/tin-cay/*', staffOnly);

  app.get('/so/tin-cay', (c) => render(c, deps));

  const act = (path: string, run: (c: Context<StaffEnv>) => Promise<Shown['outcome']>) =>
    app.post(path, (c) =>
      deskAnswer(
        async () => render(c, deps, { outcome: await run(c) }),
        (e) => render(c, deps, { refused: e.message, status: 422 }),
      ),
    );

  act('/so/tin-cay/nhap', async (c) => ({
    kind: 'imported',
    change: await importTrustFiles(await uploaded(c), c.get('staff'), trustDeps),
  }));
  act('/so/tin-cay/go', async (c) => {
    const body = await c.req.parseBody();
    const sha256 = String(body.sha256 ?? '').slice(0, 64);
    return { kind: 'removed', change: await removeTrusted(sha256, c.get('staff'), trustDeps) };
  });
  act('/so/tin-cay/kiem-tra-lai', async (c) => ({
    kind: 'rechecked',
    recheck: await recheckTrust(c.get('staff'), trustDeps),
  }));
  return app;
}
