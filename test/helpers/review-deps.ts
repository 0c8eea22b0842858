import type { MailOutbox } from '../../shared/ports/mail.js';
import type { ReviewDeps } from '../../shared/review/review-deps.js';
import type { Reviewer } from '../../shared/review/review-rules.js';
import type { MailJob } from '../../shared/schemas/mail.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { Department, Unit } from '../../shared/schemas/unit.js';
import { registry2025 } from './fixtures.js';
import { MemorySubmissions } from './memory-stores.js';

export class MemoryOutbox implements MailOutbox {
  readonly jobs: MailJob[] = [];
  async enqueue(jobs: MailJob[]) {
    this.jobs.push(...jobs);
  }
}

export const PORTAL = 'https://portal.example.vn';
export const reviewer40: Reviewer = {
  sub: 'staff-40',
  email: 'canbo@skhcn40.example',
  provinceCode: '40',
};
export const reviewer41: Reviewer = {
  sub: 'staff-41',
  email: 'canbo@skhcn41.example',
  provinceCode: '41',
};

/** Review ports in memory: Nghệ An's units (the first ones with an address), one ad-hoc round. */
export function reviewWorld(now = new Date('2026-06-12T02:00:00Z')) {
  const registry = registry2025();
  const units: Unit[] = registry
    .unitsOf('40')
    .map((u, i) => ({ ...u, emails: i < 20 ? [`vp.${u.code}@xa.example`] : [] }));
  const rounds: Round[] = [];
  const departments: Department[] = [
    {
      provinceCode: '40',
      name: 'Sở Khoa học và Công nghệ tỉnh Nghệ An',
      emails: ['so@na.example'],
    },
  ];
  const submissions = new MemorySubmissions();
  const outbox = new MemoryOutbox();
  const deps: ReviewDeps = {
    submissions,
    units: { list: async (p?: string) => units.filter((u) => !p || u.provinceCode === p) },
    rounds: { list: async (p: string) => rounds.filter((r) => r.provinceCode === p) },
    departments: {
      get: async (p: string) => departments.find((d) => d.provinceCode === p) ?? null,
    },
    outbox,
    portalUrl: PORTAL,
    now: () => now,
  };
  return { registry, units, rounds, submissions, outbox, deps };
}

let seq = 0;
/** A stored file as ingest would have left it. */
export async function stored(
  submissions: MemorySubmissions,
  over: Partial<Submission> & Pick<Submission, 'unitCode' | 'status'>,
): Promise<Submission> {
  seq++;
  const { submission } = await submissions.record({
    submissionId: `sub-${seq}`,
    provinceCode: '40',
    roundId: '2026-H1',
    diagnostics:
      over.status === 'accepted'
        ? []
        : [{ level: 'error', field: 'file', message: 'Tệp PDF là bản quét.', code: 'pdf.scanned' }],
    file: {
      bucket: 'b',
      key: `inbox/40/2026-H1/${over.unitCode}/tep-${seq}.pdf`,
      versionId: `v${seq}`,
      name: `tep-${seq}.pdf`,
      size: 1000,
      sha256: null,
      format: 'pdf',
    },
    uploadedAt: `2026-06-0${1 + (seq % 9)}T03:00:00.000Z`,
    processedAt: '2026-06-10T03:00:01.000Z',
    report: null,
    ...over,
  });
  return submission;
}
