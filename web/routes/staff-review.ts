import { type Context, Hono } from 'hono';
import type { SubmissionRef } from '../../shared/ports/submission-store.js';
import type { ReviewDeps } from '../../shared/review/review-deps.js';
import { reviewQueue } from '../../shared/review/review-queue.js';
import {
  type Reviewer,
  ReviewRefused,
  type ReviewRequest,
} from '../../shared/review/review-rules.js';
import { loadForReview, reviewSubmission } from '../../shared/review/review-submission.js';
import { provinceRounds, roundById } from '../../shared/rounds/rounds.js';
import type { PortalDeps } from '../deps.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { type StaffEnv, staffOnly } from '../middleware/staff-only.js';
import { errorPage } from '../views/error.js';
import { queuePage, submissionPage, submissionPath } from '../views/staff-review.js';
import { flashOf, flashQuery } from './staff-flash.js';

function requestOf(form: Record<string, unknown>): ReviewRequest | null {
  const reason = String(form.reason ?? '');
  switch (form.action) {
    case 'approve':
    case 'return':
    case 'not_report':
      return { action: form.action, reason };
    case 'move':
      return { action: 'move', roundId: String(form.roundId ?? ''), reason };
    case 'assign':
      return {
        action: 'assign',
        unitCode: String(form.unitCode ?? ''),
        roundId: String(form.roundId ?? ''),
        reason,
      };
    default:
      return null;
  }
}

const reviewerOf = (who: StaffEnv['Variables']['staff']): Reviewer => ({
  sub: who.sub,
  email: who.email,
  provinceCode: who.provinceCode,
});

type Desk = PortalDeps & { desk: DeskDeps };

const reviewDepsOf = (deps: Desk): ReviewDeps => ({
  submissions: deps.submissions,
  units: deps.units,
  rounds: deps.rounds,
  departments: deps.desk.departments,
  outbox: deps.desk.outbox,
  portalUrl: deps.config.portalUrl,
  now: () => deps.now?.() ?? new Date(),
  deskLog: deps.desk.log,
});

const refOf = (c: Context<StaffEnv>): SubmissionRef => ({
  provinceCode: c.get('staff').provinceCode,
  roundId: c.req.param('round') ?? '',
  unitCode: c.req.param('unit') ?? '',
  submissionId: c.req.param('id') ?? '',
});

/** The file of the path, if it is in the staff member's province. */
const fileOf = (c: Context<StaffEnv>, deps: Desk) =>
  loadForReview(refOf(c), reviewerOf(c.get('staff')), deps).catch(() => null);

/** One file's page; after a refused decision, with why, and status 422. */
async function renderFile(c: Context<StaffEnv>, deps: Desk, error: ReviewRefused | null) {
  const who = c.get('staff');
  const s = await fileOf(c, deps);
  if (!s) return c.html(errorPage(c.get('csrf'), who, 'notFound'), 404);
  const now = deps.now?.() ?? new Date();
  const [units, rounds, round] = await Promise.all([
    deps.units.list(who.provinceCode),
    provinceRounds(deps.rounds, who.provinceCode, now),
    roundById(deps.rounds, who.provinceCode, s.roundId),
  ]);
  const isPdf = s.file.format === 'pdf' || /\.pdf$/i.test(s.file.name);
  const inlineUrl = isPdf
    ? await deps.uploads.inline(s.file.key, s.file.versionId, 'application/pdf')
    : null;
  const page = submissionPage({
    identity: who,
    csrf: c.get('csrf'),
    submission: s,
    unit: units.find((u) => u.code === s.unitCode),
    round,
    original: { inlineUrl, downloadPath: `${submissionPath(s)}/ban-goc` },
    units,
    rounds,
    error: error && { field: error.field, message: error.message },
    flash: flashOf(c),
  });
  return c.html(page, error ? 422 : 200);
}

/** The review queue, one file's page (original beside what was read) and the decisions on it. */
export function staffReviewRoutes(deps: Desk) {
  const app = new Hono<StaffEnv>();
  const reviewDeps = reviewDepsOf(deps);
  app.use('/so/xem-xet', staffOnly);
  app.use('/so/ho-so/*', staffOnly);

  app.get('/so/xem-xet', async (c) => {
    const who = c.get('staff');
    const [items, units] = await Promise.all([
      reviewQueue(who.provinceCode, reviewDeps.now!(), reviewDeps),
      deps.units.list(who.provinceCode),
    ]);
    const byCode = new Map(units.map((u) => [u.code, u]));
    return c.html(
      queuePage({ identity: who, csrf: c.get('csrf'), items, units: byCode, flash: flashOf(c) }),
    );
  });

  app.get('/so/ho-so/:round/:unit/:id', (c) => renderFile(c, deps, null));

  app.get('/so/ho-so/:round/:unit/:id/ban-goc', async (c) => {
    const s = await fileOf(c, deps);
    if (!s) return c.html(errorPage(c.get('csrf'), c.get('staff'), 'notFound'), 404);
    return c.redirect(await deps.uploads.download(s.file.key, s.file.versionId, s.file.name), 303);
  });

  app.post('/so/ho-so/:round/:unit/:id', async (c) => {
    const req = requestOf(await c.req.parseBody());
    if (!req)
      return renderFile(c, deps, new ReviewRefused('action', 'Vui lòng chọn một quyết định.'));
    try {
      const out = await reviewSubmission(refOf(c), req, reviewerOf(c.get('staff')), reviewDeps);
      const target = out.assigned ?? out.submission;
      const told = req.action === 'return' || req.action === 'assign';
      const code = told && !out.mailed ? 'no_mail' : req.action;
      return c.redirect(`${submissionPath(target)}?${flashQuery(code)}`, 303);
    } catch (e) {
      if (e instanceof ReviewRefused) return renderFile(c, deps, e);
      throw e;
    }
  });

  return app;
}
