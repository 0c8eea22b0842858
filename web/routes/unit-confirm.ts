import type { Context, Hono } from 'hono';
import { latestBy } from '../../shared/ports/confirmation-store.js';
import {
  type ConfirmForm,
  canConfirm,
  confirmableFigures,
  confirmationFrom,
} from '../../shared/review/confirm-figures.js';
import { isOtherPeriod } from '../../shared/review/review-rules.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Unit } from '../../shared/schemas/unit.js';
import type { PortalDeps } from '../deps.js';
import type { UnitEnv } from '../middleware/unit-access.js';
import type { RoundView } from '../unit-data.js';
import { confirmSection } from '../views/confirm-figures.js';
import type { Html } from '../views/layout.js';
import { roundPath } from '../views/unit.js';
import { unitCropPath } from './figure-crops.js';

/** The file the unit is asked to confirm on its round page: the one counted, else the newest. */
export function fileToConfirm(view: RoundView) {
  const s = view.counted ?? view.versions[0];
  return s && canConfirm(s) && !isOtherPeriod(s) ? s : null;
}

/** The confirmation form of a round page, or nothing when there is no file to confirm. */
export async function confirmBlock(
  deps: PortalDeps,
  unit: Unit,
  view: RoundView,
  csrf: string,
  after?: { errors: Map<string, string>; sent: ConfirmForm },
): Promise<Html | null> {
  const s = fileToConfirm(view);
  if (!s || !deps.confirmations) return null;
  const list = await deps.confirmations.listConfirmations(unit.provinceCode, view.round.roundId);
  const latest = latestBy(
    list.filter((c) => c.unitCode === unit.code),
    (c) => c.submissionId,
  ).get(s.submissionId);
  return confirmSection({
    submission: s,
    figures: confirmableFigures(s),
    latest,
    errors: after?.errors,
    sent: after?.sent,
    action: `${roundPath(unit.code, view.round.roundId)}/xac-nhan`,
    csrf,
    cropUrl: (key) => unitCropPath(unit.code, key),
  });
}

type Render = (
  c: Context<UnitEnv>,
  round: Round,
  extra?: Parameters<typeof confirmBlock>[4],
) => Promise<Response>;

/**
 * POST …/xac-nhan: the unit's confirmation of the file its page shows. Its contact only (the
 * Department checks on its own list); stored beside the reading, never over it.
 */
export function confirmRoutes(
  app: Hono<UnitEnv>,
  deps: PortalDeps,
  findRound: (unit: Unit, roundId: string) => Promise<Round | undefined>,
  view: (unit: Unit, round: Round) => Promise<RoundView>,
  render: Render,
) {
  app.post('/don-vi/:unit/ky/:round/xac-nhan', async (c) => {
    const unit = c.get('unit');
    const who = c.get('who');
    const round = await findRound(unit, c.req.param('round'));
    if (!round || !deps.confirmations) return c.notFound();
    const form = (await c.req.parseBody()) as ConfirmForm;
    const s = fileToConfirm(await view(unit, round));
    if (who.role !== 'commune' || !s || s.submissionId !== form.s)
      return c.text(
        'Không xác nhận được: trang đã cũ hoặc bạn không phải đơn vị nộp. Vui lòng tải lại trang.',
        409,
      );
    const out = confirmationFrom(
      form,
      s,
      { sub: who.sub, email: who.email },
      deps.now?.() ?? new Date(),
    );
    if ('errors' in out) return render(c, round, { errors: out.errors, sent: form });
    await deps.confirmations.putConfirmation(out.confirmation);
    return c.redirect(`${roundPath(unit.code, round.roundId)}?xong=confirmed#xac-nhan`, 303);
  });
}
