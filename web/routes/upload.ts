import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { MAX_FILE_BYTES } from '../../shared/files/limits.js';
import type { PortalDeps } from '../deps.js';
import { canUploadFor } from '../identity.js';
import { type UnitEnv, unitGuard } from '../middleware/unit-access.js';
import { roundOf } from '../unit-data.js';
import { errorPage } from '../views/error.js';
import { uploadIds, uploadPrefix } from './unit.js';

/** Uploading (a pre-signed POST per file), waiting for its result, downloading originals. */
export function uploadRoutes(deps: PortalDeps) {
  const app = new Hono<UnitEnv>();
  const now = () => deps.now?.() ?? new Date();
  const findRound = (unit: Parameters<typeof roundOf>[1], roundId: string) =>
    roundOf(deps, unit, roundId, now());
  app.use('/don-vi/:unit/*', ...unitGuard(deps));

  app.get('/don-vi/:unit/ky/:round/trang-thai', async (c) => {
    const unit = c.get('unit');
    const history = await deps.submissions.unitHistory(unit.code);
    const ids = uploadIds(c.req.query('tep'));
    const done = ids.filter((id) => history.some((s) => s.file.key.includes(`/${id}/`)));
    return c.json({ pending: ids.filter((id) => !done.includes(id)), done });
  });

  app.post('/don-vi/:unit/ky/:round/tai-len', async (c) => {
    const unit = c.get('unit');
    if (!canUploadFor(c.get('who'), unit)) return c.json({ error: 'Không có quyền nộp.' }, 403);
    const round = await findRound(unit, c.req.param('round'));
    if (!round) return c.json({ error: 'Không có kỳ báo cáo này.' }, 404);
    const uploadId = randomUUID();
    const form = await deps.uploads.presign({
      prefix: uploadPrefix(unit, round.roundId, uploadId),
      uploader: c.get('who'),
      maxBytes: MAX_FILE_BYTES,
    });
    return c.json({ ...form, uploadId });
  });

  app.get('/don-vi/:unit/ban-goc/:submission', async (c) => {
    const unit = c.get('unit');
    const history = await deps.submissions.unitHistory(unit.code);
    const s = history.find(
      (h) => h.submissionId === c.req.param('submission') && h.unitCode === unit.code,
    );
    if (!s) return c.html(errorPage(c.get('csrf'), c.get('who'), 'notFound'), 404);
    const name = s.file.key.slice(s.file.key.lastIndexOf('/') + 1);
    return c.redirect(await deps.uploads.download(s.file.key, s.file.versionId, name), 303);
  });

  return app;
}
