import { type Context, Hono } from 'hono';
import {
  acceptAll,
  type SignForm,
  signCheckFrom,
} from '../../shared/review/sign-check-decision.js';
import type { SignItem } from '../../shared/rollup/sign-checks.js';
import { roundById } from '../../shared/rounds/rounds.js';
import type { Round } from '../../shared/schemas/round.js';
import { unitLabel } from '../../shared/vocabulary/unit-names.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { errorPage } from '../views/error.js';
import { itemAnchor, type SignCheckInput, signCheckPage } from '../views/sign-check.js';
import { staffCropPath, staffCropRoute } from './figure-crops.js';
import { flashOf, flashQuery } from './staff-flash.js';

const BULK = { mapping: 'số liệu ghép chỉ tiêu', left_out: 'báo cáo không được tính' } as const;

/**
 * "Kiểm tra trước khi ký" (/so/tong-hop/<round>/kiem-tra): the province's own rollup as it would
 * be built now, its doubtful items, and one decision per item (stored beside the reading, in the
 * desk log). Staff of the province only; an item not on its list cannot be decided.
 */
export function staffSignCheckRoutes(deps: PortalDeps & { desk: DeskDeps }) {
  const app = new Hono<StaffEnv>();
  const now = () => deps.now?.() ?? new Date();
  app.use('/so/tong-hop/*', staffOnly);
  app.use('/so/anh-so-lieu', staffOnly);
  staffCropRoute(app, deps);

  const itemsOf = async (provinceCode: string, round: Round): Promise<SignItem[]> => {
    // The rollup's code loads when staff open the list, not with every page served.
    const { buildRoundRollupChecked } = await import('../../shared/rollup/rollup-job.js');
    return (await buildRoundRollupChecked(provinceCode, round, deps, now())).items;
  };

  const render = async (
    c: Context<StaffEnv>,
    round: Round,
    error: SignCheckInput['error'] = null,
  ) => {
    const who = c.get('staff');
    const [items, units, log] = await Promise.all([
      itemsOf(who.provinceCode, round),
      deps.units.list(who.provinceCode),
      deps.desk.log.list(who.provinceCode, 200),
    ]);
    const page = signCheckPage({
      identity: who,
      csrf: c.get('csrf'),
      round,
      items,
      unitNames: new Map(units.map((u) => [u.code, unitLabel(u)])),
      cropUrl: (i) => (i.figure.crop ? staffCropPath(i.figure.crop) : null),
      flash: flashOf(c),
      log: log
        .filter((e) => e.action === 'figures_checked' && e.subject === round.roundId)
        .slice(0, 30),
      error,
    });
    return c.html(page, error ? 422 : 200);
  };

  const roundOf = async (c: Context<StaffEnv>) => {
    if (!deps.confirmations) return null;
    return roundById(deps.rounds, c.get('staff').provinceCode, c.req.param('round') ?? '');
  };
  const notFound = (c: Context<StaffEnv>) =>
    c.html(errorPage(c.get('csrf'), c.get('staff'), 'notFound'), 404);

  app.get('/so/tong-hop/:round/kiem-tra', async (c) => {
    const round = await roundOf(c);
    return round ? render(c, round) : notFound(c);
  });

  app.post('/so/tong-hop/:round/kiem-tra', async (c) => {
    const who = c.get('staff');
    const round = await roundOf(c);
    if (!round || !deps.confirmations) return notFound(c);
    const form = (await c.req.parseBody()) as SignForm;
    const items = await itemsOf(who.provinceCode, round);
    const scope = { provinceCode: who.provinceCode, roundId: round.roundId };
    const out = signCheckFrom(form, items, scope, { sub: who.sub, email: who.email }, now());
    if ('error' in out) return render(c, round, { item: out.item, text: out.error, sent: form });
    await deps.confirmations.putCheck(out.check);
    await deps.desk.log.append(out.event);
    const back = `/so/tong-hop/${round.roundId}/kiem-tra?${flashQuery('checked')}`;
    return c.redirect(`${back}#${itemAnchor(out.check.item)}`, 303);
  });

  bulkRoute(app, deps, roundOf, (p, r) => itemsOf(p, r), now);
  return app;
}

/** "Chấp nhận tất cả …": every undecided item of one group (catalogue mappings, left-out reports). */
function bulkRoute(
  app: Hono<StaffEnv>,
  deps: PortalDeps & { desk: DeskDeps },
  roundOf: (c: Context<StaffEnv>) => Promise<Round | null>,
  listOf: (provinceCode: string, round: Round) => Promise<SignItem[]>,
  now: () => Date,
) {
  app.post('/so/tong-hop/:round/kiem-tra/tat-ca', async (c) => {
    const who = c.get('staff');
    const round = await roundOf(c);
    if (!round || !deps.confirmations)
      return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
    const kind = String((await c.req.parseBody()).g ?? '') as keyof typeof BULK;
    if (!Object.hasOwn(BULK, kind)) return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
    const items = (await listOf(who.provinceCode, round)).filter((i) => i.kind === kind);
    const scope = { provinceCode: who.provinceCode, roundId: round.roundId };
    const out = acceptAll(items, scope, { sub: who.sub, email: who.email }, now(), BULK[kind]);
    if (out) {
      for (const check of out.checks) await deps.confirmations.putCheck(check);
      await deps.desk.log.append(out.event);
    }
    return c.redirect(
      `/so/tong-hop/${round.roundId}/kiem-tra?${flashQuery('checked')}#g-${kind}`,
      303,
    );
  });
}
