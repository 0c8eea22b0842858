import { type Context, Hono } from 'hono';
import type { RoundDeskDeps } from '../../shared/desk/round-desk.js';
import {
  changeReminders,
  openRoundFromLetter,
  setRoundClosed,
} from '../../shared/desk/round-desk.js';
import { RoundRefused } from '../../shared/rounds/manage-rounds.js';
import { provinceRounds } from '../../shared/rounds/rounds.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { type RoundFormState, roundsPage } from '../views/staff-rounds.js';
import { flashOf, flashQuery } from './staff-flash.js';

type Desk = PortalDeps & { desk: DeskDeps };

const FORM_FIELDS = [
  'letterNumber',
  'letterDate',
  'letterIssuer',
  'title',
  'roundId',
  'deadline',
  'offsets',
];

const LOG_ACTIONS = new Set(['round_opened', 'round_reminders', 'round_closed', 'round_reopened']);

async function render(
  c: Context<StaffEnv>,
  deps: Desk,
  form: RoundFormState,
  status: 200 | 422,
  refused: string | null = null,
) {
  const who = c.get('staff');
  const now = deps.now?.() ?? new Date();
  const [rounds, log] = await Promise.all([
    provinceRounds(deps.rounds, who.provinceCode, now),
    deps.desk.log.list(who.provinceCode, 100),
  ]);
  const page = roundsPage({
    identity: who,
    csrf: c.get('csrf'),
    rounds,
    log: log.filter((e) => LOG_ACTIONS.has(e.action)).slice(0, 20),
    form,
    flash: refused ? { kind: 'error', text: refused } : flashOf(c),
    now,
  });
  return c.html(page, status);
}

/** The redirect after a change to one round: back to its card on the rounds page. */
const backTo = (code: 'opened' | 'reminders' | 'closed' | 'reopened', roundId: string) =>
  `/so/ky?${flashQuery(code)}#ky-${encodeURIComponent(roundId)}`;

/** Rounds: the standing and ad-hoc rounds, opening one by letter, reminder days, closing. */
export function staffRoundRoutes(deps: Desk) {
  const app = new Hono<StaffEnv>();
  const roundDeps: RoundDeskDeps = {
    rounds: deps.rounds,
    log: deps.desk.log,
    now: () => deps.now?.() ?? new Date(),
  };
  app.use('/so/ky', staffOnly);
  app.use('/so/ky/*', staffOnly);

  app.get('/so/ky', (c) => render(c, deps, { values: {}, error: null }, 200));

  app.post('/so/ky', async (c) => {
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      FORM_FIELDS.map((f) => [f, String(body[f] ?? '').slice(0, 300)]),
    );
    try {
      const round = await openRoundFromLetter(values as never, c.get('staff'), roundDeps);
      return c.redirect(backTo('opened', round.roundId), 303);
    } catch (e) {
      if (!(e instanceof RoundRefused)) throw e;
      return render(c, deps, { values, error: { field: e.field, message: e.message } }, 422);
    }
  });

  // A refused change (an unknown round, bad reminder days) comes back as the page's flash error.
  const change =
    (
      run: (id: string, c: Context<StaffEnv>) => Promise<unknown>,
      code: Parameters<typeof backTo>[0],
    ) =>
    async (c: Context<StaffEnv>) => {
      const id = c.req.param('round') ?? '';
      try {
        await run(id, c);
        return c.redirect(backTo(code, id), 303);
      } catch (e) {
        if (!(e instanceof RoundRefused)) throw e;
        return render(c, deps, { values: {}, error: null }, 422, e.message);
      }
    };
  app.post(
    '/so/ky/:round/nhac',
    change(async (id, c) => {
      const body = await c.req.parseBody();
      await changeReminders(
        id,
        String(body.offsets ?? '').slice(0, 300),
        c.get('staff'),
        roundDeps,
      );
    }, 'reminders'),
  );
  app.post(
    '/so/ky/:round/dong',
    change((id, c) => setRoundClosed(id, true, c.get('staff'), roundDeps), 'closed'),
  );
  app.post(
    '/so/ky/:round/mo-lai',
    change((id, c) => setRoundClosed(id, false, c.get('staff'), roundDeps), 'reopened'),
  );
  return app;
}
