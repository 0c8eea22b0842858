import { Hono } from 'hono';
import { rollupPrefix } from '../../shared/rollup/format.js';
import type { RollupDeps } from '../../shared/rollup/rollup-job.js';
import { provinceRounds, roundById } from '../../shared/rounds/rounds.js';
import type { Round } from '../../shared/schemas/round.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { errorPage } from '../views/error.js';
import type { RollupBuild, RoundRollups } from '../views/staff-rollups.js';
import { rollupsPage } from '../views/staff-rollups.js';
import { flashOf, flashQuery } from './staff-flash.js';

type Listed = Awaited<ReturnType<DeskDeps['objects']['list']>>[number];

/** "2026-06-11T06-00-00-000Z" (a history folder) back to the instant it names. */
const stampTime = (stamp: string) =>
  stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

/** The current draft (files right under the prefix) and earlier builds (lich-su/<time>/), newest first. */
export function buildsOf(
  prefix: string,
  objects: Listed[],
): { current: RollupBuild | null; earlier: RollupBuild[] } {
  const file = (o: Listed) => ({
    key: o.key,
    name: o.key.slice(o.key.lastIndexOf('/') + 1),
    size: o.size,
  });
  const top = objects.filter((o) => !o.key.slice(prefix.length).includes('/'));
  const history = new Map<string, Listed[]>();
  for (const o of objects) {
    const m = /^lich-su\/([^/]+)\/[^/]+$/.exec(o.key.slice(prefix.length));
    if (m) history.set(m[1]!, [...(history.get(m[1]!) ?? []), o]);
  }
  const builds = [...history.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([stamp, list]) => ({ builtAt: stampTime(stamp), files: list.map(file) }));
  const current = top.length ? { builtAt: builds[0]?.builtAt ?? null, files: top.map(file) } : null;
  return { current, earlier: current ? builds.slice(1) : builds };
}

/**
 * Newest first, as a person reads a list of periods: the latest deadline that has come leads,
 * then the earlier ones; rounds still to come follow, the nearest first.
 */
export function rollupOrder(rounds: RoundRollups[], now: Date): RoundRollups[] {
  const due = (r: RoundRollups) => Date.parse(r.round.deadline) <= now.getTime();
  const past = rounds.filter(due);
  const coming = rounds.filter((r) => !due(r));
  return [
    ...past.sort((a, b) => b.round.deadline.localeCompare(a.round.deadline)),
    ...coming.sort((a, b) => a.round.deadline.localeCompare(b.round.deadline)),
  ];
}

/**
 * Each round's pre-sign list as the rollup would be built now: what still waits to be looked at;
 * null for every round where statements are not kept or the province has no units. The
 * province's units are read once for the page, not twice for every round it lists.
 */
export async function preSignStates(
  provinceCode: string,
  rounds: Round[],
  deps: Pick<RollupDeps, 'units' | 'submissions' | 'confirmations'>,
  now: Date,
): Promise<Array<RoundRollups['check']>> {
  if (!deps.confirmations) return rounds.map(() => null);
  const units = await deps.units.list(provinceCode);
  if (!units.length) return rounds.map(() => null);
  const { buildRoundRollupChecked } = await import('../../shared/rollup/rollup-job.js');
  const once = { ...deps, units: { list: async () => units } };
  return Promise.all(
    rounds.map(async (round) => {
      const { items } = await buildRoundRollupChecked(provinceCode, round, once, now);
      return { items: items.length, pending: items.filter((i) => !i.decision).length };
    }),
  );
}

/** Rollups: build now, the current draft and earlier builds, downloads signed at the click. */
export function staffRollupRoutes(deps: PortalDeps & { desk: DeskDeps }) {
  const app = new Hono<StaffEnv>();
  const now = () => deps.now?.() ?? new Date();
  const rollupDeps: RollupDeps = {
    units: deps.units,
    submissions: deps.submissions,
    rounds: deps.rounds,
    departments: deps.desk.departments,
    objects: deps.desk.objects,
    ledger: deps.desk.ledger,
    outbox: deps.desk.outbox,
    portalUrl: deps.config.portalUrl,
    confirmations: deps.confirmations,
  };
  app.use('/so/tong-hop', staffOnly);
  app.use('/so/tong-hop/*', staffOnly);

  app.get('/so/tong-hop', async (c) => {
    const who = c.get('staff');
    const rounds = await provinceRounds(deps.rounds, who.provinceCode, now());
    const [listings, checks] = await Promise.all([
      Promise.all(
        rounds.map((r) => deps.desk.objects.list(rollupPrefix(who.provinceCode, r.roundId))),
      ),
      preSignStates(who.provinceCode, rounds, rollupDeps, now()),
    ]);
    const listed: RoundRollups[] = rounds.map((round, i) => ({
      round,
      ...buildsOf(rollupPrefix(who.provinceCode, round.roundId), listings[i]!),
      check: checks[i],
    }));
    return c.html(
      rollupsPage({
        identity: who,
        csrf: c.get('csrf'),
        rounds: rollupOrder(listed, now()),
        flash: flashOf(c),
      }),
    );
  });

  app.post('/so/tong-hop/:round/lap', async (c) => {
    const who = c.get('staff');
    const round = await roundById(deps.rounds, who.provinceCode, c.req.param('round'));
    if (!round) return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
    // The rollup and its renderers load when staff build one, not with every page served.
    const { runRoundRollup } = await import('../../shared/rollup/rollup-job.js');
    await runRoundRollup(who.provinceCode, round, now(), rollupDeps);
    return c.redirect(`/so/tong-hop?${flashQuery('built')}#ky-${round.roundId}`, 303);
  });

  // Signs at the moment of the click and sends the browser there: links on the page never expire.
  app.get('/so/tong-hop/tai', async (c) => {
    const who = c.get('staff');
    const key = c.req.query('k') ?? '';
    const mine = key.startsWith(`rollups/${who.provinceCode}/`) && !key.includes('..');
    const found = mine && (await deps.desk.objects.list(key)).some((o) => o.key === key);
    if (!found) return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
    const name = key.slice(key.lastIndexOf('/') + 1);
    return c.redirect(await deps.uploads.download(key, null, name), 303);
  });

  return app;
}
