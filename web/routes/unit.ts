import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { MAX_FILE_BYTES } from '../../shared/files/limits.js';
import { buildUploadKey } from '../../shared/ingest/upload-key.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Unit } from '../../shared/schemas/unit.js';
import type { PortalDeps } from '../deps.js';
import { type UnitEnv, unitGuard } from '../middleware/unit-access.js';
import { roundOf, roundView, splitRounds, unitRounds } from '../unit-data.js';
import { errorPage } from '../views/error.js';
import { roundPage, roundPath, unitPage } from '../views/unit.js';
import { unitCropRoute } from './figure-crops.js';
import { flashOf } from './staff-flash.js';
import { confirmBlock, confirmRoutes } from './unit-confirm.js';

export const uploadPrefix = (unit: Unit, roundId: string, uploadId: string) =>
  buildUploadKey({
    provinceCode: unit.provinceCode,
    roundId,
    unitCode: unit.code,
    fileName: `${uploadId}/`,
  });

/** Upload ids are ours (random UUIDs): anything else in the query is ignored. */
export const uploadIds = (q: string | undefined) =>
  (q ?? '')
    .split(',')
    .filter((id) => /^[0-9a-f-]{36}$/.test(id))
    .slice(0, 20);

/** A unit's pages: its rounds, and one round (what was read, history, the upload form). */
export function unitRoutes(deps: PortalDeps) {
  const app = new Hono<UnitEnv>();
  const now = () => deps.now?.() ?? new Date();
  app.use('/don-vi/:unit', ...unitGuard(deps));
  app.use('/don-vi/:unit/*', ...unitGuard(deps));
  unitCropRoute(app, deps);

  app.get('/don-vi/:unit', async (c) => {
    const unit = c.get('unit');
    const at = now();
    const history = await deps.submissions.unitHistory(unit.code);
    const views = (await unitRounds(deps, unit, at)).map((r) => roundView(unit, r, history));
    const { open, earlier } = splitRounds(views, at);
    return c.html(
      unitPage({ identity: c.get('who'), csrf: c.get('csrf'), unit, open, earlier, now: at }),
    );
  });

  const findRound = (unit: Unit, roundId: string) => roundOf(deps, unit, roundId, now());

  const viewOf = async (unit: Unit, round: Round) =>
    roundView(unit, round, await deps.submissions.unitHistory(unit.code));

  const render = async (
    c: Context<UnitEnv>,
    round: Round,
    refused?: Parameters<typeof confirmBlock>[4],
  ) => {
    const unit = c.get('unit');
    const view = await viewOf(unit, round);
    const pending = uploadIds(c.req.query('tep')).filter(
      (id) => !view.versions.some((s) => s.file.key.includes(`/${id}/`)),
    );
    const uploadId = randomUUID();
    const form = await deps.uploads.presign({
      prefix: uploadPrefix(unit, round.roundId, uploadId),
      uploader: c.get('who'),
      maxBytes: MAX_FILE_BYTES,
      redirect: `${deps.config.portalUrl}${roundPath(unit.code, round.roundId)}?tep=${uploadId}`,
    });
    const input = {
      identity: c.get('who'),
      csrf: c.get('csrf'),
      unit,
      view,
      now: now(),
      pending,
      form,
      confirm: await confirmBlock(deps, unit, view, c.get('csrf'), refused),
      flash: flashOf(c),
    };
    return c.html(roundPage(input), refused ? 422 : 200);
  };

  app.get('/don-vi/:unit/ky/:round', async (c) => {
    const round = await findRound(c.get('unit'), c.req.param('round'));
    if (!round) return c.html(errorPage(c.get('csrf'), c.get('who'), 'notFound'), 404);
    return render(c, round);
  });
  confirmRoutes(app, deps, findRound, viewOf, render);

  return app;
}
