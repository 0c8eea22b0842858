import { wasMailed } from '../mail/was-mailed.js';
import type { ConfirmationStore } from '../ports/confirmation-store.js';
import type { DepartmentStore } from '../ports/department-store.js';
import type { MailLedger, MailOutbox } from '../ports/mail.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { RoundStore } from '../ports/round-store.js';
import type { SubmissionStore } from '../ports/submission-store.js';
import type { UnitStore } from '../ports/unit-store.js';
import { daysFromDeadline } from '../rounds/deadline.js';
import { provinceRounds, roundById } from '../rounds/rounds.js';
import { justPastDeadline, openRounds } from '../rounds/standing-rounds.js';
import type { MailJob } from '../schemas/mail.js';
import type { Rollup } from '../schemas/rollup.js';
import type { RollupSubmission } from '../schemas/rollup-view.js';
import type { Round } from '../schemas/round.js';
import type { Submission } from '../schemas/submission.js';
import type { Department } from '../schemas/unit.js';
import { buildRollupChecked, NATIONAL } from './build-rollup.js';
import { rollupFileName, rollupPrefix } from './format.js';
import { rollupKey, rollupMailJob } from './rollup-mail.js';
import type { SignItem, Statements } from './sign-checks.js';
import { readPrevious, withTrend } from './trend.js';

export interface RollupDeps {
  units: UnitStore;
  submissions: SubmissionStore;
  rounds: RoundStore;
  departments: DepartmentStore;
  objects: ObjectStore;
  ledger: MailLedger;
  outbox: MailOutbox;
  /** The portal's address: the Department's mail links to its rollups page. */
  portalUrl: string;
  /** The units' confirmations and the pre-sign checks; without them figures are taken as read. */
  confirmations?: ConfirmationStore;
}

export interface RollupFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export type RollupStage = 'read' | 'aggregate' | 'docx' | 'xlsx' | 'html' | 'json' | 'write';
export type OnStage = (stage: RollupStage, ms: number) => void;

async function timed<T>(
  stage: RollupStage,
  onStage: OnStage | undefined,
  f: () => Promise<T> | T,
): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  onStage?.(stage, performance.now() - t0);
  return out;
}

/**
 * The round as the Department defined it; for the whole country, the standing round of that id.
 * Looked up in the round's own year (its id starts with it), so that past years' rollups work.
 */
export async function findRound(
  provinceCode: string,
  roundId: string,
  deps: Pick<RollupDeps, 'rounds'>,
): Promise<Round> {
  const round = await roundById(
    provinceCode === NATIONAL ? null : deps.rounds,
    provinceCode,
    roundId,
  );
  if (!round)
    throw new Error(
      `Không có kỳ báo cáo ${roundId}${provinceCode === NATIONAL ? '' : ` của tỉnh ${provinceCode}`}.`,
    );
  return round;
}

/**
 * The round's submissions of one province as the rollup reads them: their compact views (one
 * Query of kilobytes per unit) where the store keeps them, else the full submissions.
 */
function readRound(
  submissions: SubmissionStore,
  provinceCode: string,
  roundId: string,
): Promise<Array<Submission | RollupSubmission>> {
  return submissions.listRoundViews
    ? submissions.listRoundViews(provinceCode, roundId)
    : submissions.listRound(provinceCode, roundId);
}

/** The statements of a round in these provinces, or none when there is no store. */
async function readStatements(
  store: ConfirmationStore | undefined,
  provinces: string[],
  roundId: string,
): Promise<Statements | undefined> {
  if (!store) return undefined;
  const [confirmations, checks] = await Promise.all([
    Promise.all(provinces.map((p) => store.listConfirmations(p, roundId))),
    Promise.all(provinces.map((p) => store.listChecks(p, roundId))),
  ]);
  return { confirmations: confirmations.flat(), checks: checks.flat() };
}

/** Reads every expected unit and the round's submissions, one Query per province. */
export async function buildRoundRollup(
  provinceCode: string,
  round: Round,
  deps: Pick<RollupDeps, 'units' | 'submissions' | 'confirmations'>,
  now: Date,
  onStage?: OnStage,
): Promise<Rollup> {
  return (await buildRoundRollupChecked(provinceCode, round, deps, now, onStage)).rollup;
}

/** The rollup and the items of its pre-sign list ("Kiểm tra trước khi ký"). */
export async function buildRoundRollupChecked(
  provinceCode: string,
  round: Round,
  deps: Pick<RollupDeps, 'submissions' | 'confirmations'> & { units: Pick<UnitStore, 'list'> },
  now: Date,
  onStage?: OnStage,
): Promise<{ rollup: Rollup; items: SignItem[] }> {
  const { units, submissions, statements } = await timed('read', onStage, async () => {
    const units = await deps.units.list(provinceCode === NATIONAL ? undefined : provinceCode);
    const provinces = [...new Set(units.map((u) => u.provinceCode))];
    const [lists, statements] = await Promise.all([
      Promise.all(provinces.map((p) => readRound(deps.submissions, p, round.roundId))),
      readStatements(deps.confirmations, provinces, round.roundId),
    ]);
    return { units, submissions: lists.flat(), statements };
  });
  if (!units.length)
    throw new Error(
      `Chưa có danh mục đơn vị của ${provinceCode === NATIONAL ? 'cả nước' : `tỉnh ${provinceCode}`}: ` +
        'chạy "tonghop units import" trước.',
    );
  const scopeName = provinceCode === NATIONAL ? 'Toàn quốc' : units[0]!.provinceName;
  return timed('aggregate', onStage, () =>
    buildRollupChecked({ provinceCode, scopeName, round, units, submissions, now, statements }),
  );
}

/** The four files of a rollup; the JSON is checked against its schema before it is written. */
export async function renderRollup(
  rollup: Rollup,
  onStage?: OnStage,
  department: Department | null = null,
): Promise<RollupFile[]> {
  const file = (ext: string) => rollupFileName(rollup.provinceCode, rollup.round.roundId, ext);
  // The DOCX and XLSX libraries load only when a rollup is rendered: on most scheduled runs no
  // round is open or just past its deadline, and the function returns without them.
  const [{ rollupDocx }, { rollupXlsx }, { rollupHtml }] = await Promise.all([
    import('./rollup-docx.js'),
    import('./rollup-xlsx.js'),
    import('./rollup-html.js'),
  ]);
  // The four renderers do not wait for each other: each starts at once and the files are ready
  // when the slowest is (the DOCX and XLSX writers yield while they zip).
  const [docx, xlsx, html, json] = await Promise.all([
    timed('docx', onStage, () => rollupDocx(rollup, department)),
    timed('xlsx', onStage, () => rollupXlsx(rollup, department?.name)),
    timed('html', onStage, () => rollupHtml(rollup)),
    // Not `Rollup.parse`d again: the rollup is built here from views zod checked on read, and
    // the tests hold its shape (a sixth of the country's CPU went to re-checking it).
    timed('json', onStage, () => JSON.stringify(rollup)),
  ]);
  return [
    {
      name: file('docx'),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: docx,
    },
    {
      name: file('xlsx'),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: xlsx,
    },
    {
      name: file('html'),
      contentType: 'text/html; charset=utf-8',
      bytes: new TextEncoder().encode(html),
    },
    {
      name: file('json'),
      contentType: 'application/json; charset=utf-8',
      bytes: new TextEncoder().encode(json),
    },
  ];
}

export interface PublishedFile {
  name: string;
  key: string;
  versionId: string | null;
  /** The same file kept under the build's time, so that a rebuild never loses an earlier draft. */
  historyKey: string;
  bytes: number;
}

/**
 * Writes the files under rollups/<province>/<round>/ (the current draft, replaced by each
 * rebuild) and a copy under lich-su/<build time>/ (every earlier draft stays).
 */
export async function publishRollup(
  rollup: Rollup,
  files: RollupFile[],
  objects: ObjectStore,
): Promise<PublishedFile[]> {
  const prefix = rollupPrefix(rollup.provinceCode, rollup.round.roundId);
  const stamp = rollup.builtAt.replace(/[:.]/g, '-');
  return Promise.all(
    files.map(async (f) => {
      const key = `${prefix}${f.name}`;
      const historyKey = `${prefix}lich-su/${stamp}/${f.name}`;
      const [{ versionId }] = await Promise.all([
        objects.put(key, f.bytes, f.contentType),
        objects.put(historyKey, f.bytes, f.contentType),
      ]);
      return { name: f.name, key, versionId, historyKey, bytes: f.bytes.length };
    }),
  );
}

export interface RollupRun {
  roundId: string;
  rollup: Rollup;
  files: RollupFile[];
  published: PublishedFile[];
  mail: MailJob | null;
}

/** One round's rollup built, written and (when asked) mailed to the Department. */
export async function runRoundRollup(
  provinceCode: string,
  round: Round,
  now: Date,
  deps: RollupDeps,
  opts: { mailKey?: string; onStage?: OnStage } = {},
): Promise<RollupRun> {
  const [built, department, previous] = await Promise.all([
    buildRoundRollup(provinceCode, round, deps, now, opts.onStage),
    provinceCode === NATIONAL ? null : deps.departments.get(provinceCode),
    readPrevious(deps.objects, provinceCode, round.roundId),
  ]);
  const rollup = previous ? withTrend(built, previous) : built;
  const files = await renderRollup(rollup, opts.onStage, department);
  const published = await timed('write', opts.onStage, () =>
    publishRollup(rollup, files, deps.objects),
  );
  const mail = opts.mailKey
    ? rollupMailJob(rollup, opts.mailKey, department, deps.portalUrl)
    : null;
  if (mail) await deps.outbox.enqueue([mail]);
  return { roundId: round.roundId, rollup, files, published, mail };
}

/**
 * The scheduled runs. Nightly: a draft of every round still open (reminder window and its week of
 * grace). Morning: the rollup of each round whose deadline has passed, mailed to the Department
 * once (the ledger remembers).
 */
export async function runScheduledRollups(
  provinceCode: string,
  kind: 'nightly' | 'morning',
  now: Date,
  deps: RollupDeps,
  onStage?: OnStage,
): Promise<RollupRun[]> {
  const rounds = await provinceRounds(deps.rounds, provinceCode, now);
  const runs: RollupRun[] = [];
  if (kind === 'nightly') {
    for (const round of openRounds(rounds, (r) => daysFromDeadline(now, r.deadline)))
      runs.push(await runRoundRollup(provinceCode, round, now, deps, { onStage }));
    return runs;
  }
  for (const round of rounds.filter((r) => justPastDeadline(r, now))) {
    if (
      wasMailed(await deps.ledger.listRound(provinceCode, round.roundId), rollupKey(round.roundId))
    )
      continue;
    runs.push(
      await runRoundRollup(provinceCode, round, now, deps, {
        mailKey: rollupKey(round.roundId),
        onStage,
      }),
    );
  }
  return runs;
}
