import { Hono } from 'hono';
import { reviewQueue } from '../../shared/review/review-queue.js';
import { type BoardSort, filterAndSort, roundBoard } from '../../shared/review/round-board.js';
import { daysFromDeadline } from '../../shared/rounds/deadline.js';
import { provinceRounds, roundById } from '../../shared/rounds/rounds.js';
import type { UnitLevel } from '../../shared/schemas/report.js';
import { UnitState } from '../../shared/schemas/rollup.js';
import type { Round } from '../../shared/schemas/round.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { errorPage } from '../views/error.js';
import { type BoardQuery, boardPage } from '../views/staff-board.js';

const SORTS: BoardSort[] = ['unit', 'state', 'lastUpload', 'lastReminder'];
const LEVELS: UnitLevel[] = ['xa', 'phuong', 'dac_khu'];

/** The round a board opens on: the first not closed whose deadline is at most a month past. */
export function currentRound(rounds: Round[], now: Date): Round | null {
  const live = rounds.filter((r) => !r.closedAt && daysFromDeadline(now, r.deadline) <= 30);
  return (
    live[0] ??
    rounds.filter((r) => daysFromDeadline(now, r.deadline) > 0).at(-1) ??
    rounds[0] ??
    null
  );
}

function queryOf(q: (name: string) => string | undefined): BoardQuery {
  const state = UnitState.safeParse(q('trang-thai'));
  const level = q('loai') as UnitLevel | undefined;
  const sort = q('sap-xep') as BoardSort | undefined;
  return {
    filter: {
      state: state.success ? state.data : 'all',
      level: level && LEVELS.includes(level) ? level : 'all',
      text: (q('tim') ?? '').slice(0, 100),
      bounced: q('bi-tra-thu') === '1',
    },
    sort: sort && SORTS.includes(sort) ? sort : 'state',
    descending: q('giam') === '1',
  };
}

/** The round board: counts and rates, the unit table (filtered, sorted) and its XLSX. */
export function staffBoardRoutes(deps: PortalDeps & { desk: DeskDeps }) {
  const app = new Hono<StaffEnv>();
  const now = () => deps.now?.() ?? new Date();
  app.use('/so', staffOnly);
  app.use('/so/ky/*', staffOnly);

  const boardOf = async (provinceCode: string, round: Round) => {
    const [units, submissions, ledger, confirmations] = await Promise.all([
      deps.units.list(provinceCode),
      deps.submissions.listRound(provinceCode, round.roundId),
      deps.desk.ledger.listRound(provinceCode, round.roundId),
      deps.confirmations?.listConfirmations(provinceCode, round.roundId) ?? [],
    ]);
    return roundBoard(round, units, submissions, ledger, confirmations);
  };

  app.get('/so', async (c) => {
    const who = c.get('staff');
    const rounds = await provinceRounds(deps.rounds, who.provinceCode, now());
    const asked = c.req.query('ky');
    const round = asked ? rounds.find((r) => r.roundId === asked) : currentRound(rounds, now());
    if (!round) return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
    const query = queryOf((n) => c.req.query(n));
    const [board, queue] = await Promise.all([
      boardOf(who.provinceCode, round),
      reviewQueue(who.provinceCode, now(), deps),
    ]);
    const rows = filterAndSort(board.rows, query.filter, query.sort, query.descending);
    const input = {
      identity: who,
      csrf: c.get('csrf'),
      board,
      rows,
      rounds,
      query,
      queueSize: queue.length,
      queueOfRound: queue.filter((i) => i.round?.roundId === round.roundId).length,
      page: Number(c.req.query('trang') ?? '1'),
      now: now(),
    };
    return c.html(boardPage(input));
  });

  app.get('/so/ky/:round/bang-theo-doi.xlsx', async (c) => {
    const who = c.get('staff');
    const round = await roundById(deps.rounds, who.provinceCode, c.req.param('round'));
    if (!round) return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
    const board = await boardOf(who.provinceCode, round);
    const scope = board.rows[0]?.unit.provinceName ?? who.provinceCode;
    // exceljs loads on the first export, not with every page the portal serves.
    const { boardXlsx } = await import('../../shared/review/board-xlsx.js');
    const bytes = await boardXlsx(board, `tỉnh ${scope}`);
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header(
      'content-disposition',
      `attachment; filename="theo-doi-${who.provinceCode}-${round.roundId}.xlsx"`,
    );
    return c.body(bytes as unknown as ArrayBuffer);
  });

  return app;
}
