import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordResetMail } from '../../shared/accounts/password-reset-mail.js';
import { invitationMail } from '../../shared/mail/invitation.js';
import {
  digestMail,
  type RenderedMail,
  receiptMail,
  reminderMail,
} from '../../shared/mail/templates.js';
import { reviewMail } from '../../shared/review/review-mail.js';
import { buildRollup } from '../../shared/rollup/build-rollup.js';
import { rollupMail } from '../../shared/rollup/rollup-mail.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { MailJob } from '../../shared/schemas/mail.js';
import type { Round } from '../../shared/schemas/round.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { Department, Unit } from '../../shared/schemas/unit.js';
import { registry2025 } from '../helpers/fixtures.js';

// Every mail that asks someone to act links to the exact page where they act, as text and as a
// link in the HTML, and never names a storage path. The table below has one entry per kind of
// mail: a new kind in MailJob's enum does not compile until it says where its mail sends people.
const registry = registry2025();
const units = registry.unitsOf('40');
const department: Department = { provinceCode: '40', name: 'Sở KHCN Nghệ An', emails: ['so@x.vn'] };

function submissionOf(unitCode: string, roundId: string, status: Submission['status']): Submission {
  return {
    submissionId: 's1',
    provinceCode: '40',
    roundId,
    unitCode,
    version: 1,
    status,
    diagnostics: [{ level: 'error', field: 'number', message: 'Thiếu số văn bản.' }],
    file: {
      bucket: 'b',
      key: `inbox/40/${roundId}/${unitCode}/u1/bao-cao.docx`,
      versionId: null,
      name: 'bao-cao.docx',
      size: 1,
      sha256: null,
      format: 'docx',
    },
    uploadedAt: '2026-06-01T02:00:00.000Z',
    processedAt: '2026-06-01T02:00:01.000Z',
    report: null,
  };
}

interface Case {
  unit: Unit;
  round: Round;
  status: Submission['status'];
  portal: string;
  now: Date;
}

type Kind = MailJob['kind'] | 'invitation' | 'password_reset';
/** Each kind of mail: the mails of one case and the page each must link to. */
const KINDS: Record<Kind, (c: Case) => { page: string; mails: RenderedMail[] }> = {
  reminder: (c) => ({
    page: `${c.portal}/don-vi/${c.unit.code}/ky/${c.round.roundId}`,
    mails: [c.status, null].map((status) =>
      reminderMail({
        round: c.round,
        unit: c.unit,
        latest: status ? submissionOf(c.unit.code, c.round.roundId, status) : null,
        department,
        now: c.now,
        portalUrl: c.portal,
      }),
    ),
  }),
  receipt: (c) => ({
    page: `${c.portal}/don-vi/${c.unit.code}/ky/${c.round.roundId}`,
    mails: [
      receiptMail({
        submission: submissionOf(c.unit.code, c.round.roundId, c.status),
        unit: c.unit,
        roundTitle: c.round.title,
        department: null,
        portalUrl: c.portal,
      }),
    ],
  }),
  review: (c) => ({
    page: `${c.portal}/don-vi/${c.unit.code}/ky/${c.round.roundId}`,
    mails: (['return', 'assign'] as const).map((kind) => ({
      ...reviewMail({
        kind,
        submission: submissionOf(c.unit.code, c.round.roundId, c.status),
        unit: c.unit,
        roundTitle: c.round.title,
        message: 'Bổ sung chữ ký.',
        department,
        portalUrl: c.portal,
      }),
    })),
  }),
  digest: (c) => ({
    page: `${c.portal}/so?ky=${c.round.roundId}`,
    mails: [
      digestMail({
        round: c.round,
        rows: [{ unit: c.unit, state: 'missing', receivedAt: null, hasContact: true }],
        now: c.now,
        portalUrl: c.portal,
      }),
    ],
  }),
  rollup: (c) => ({
    page: `${c.portal}/so/tong-hop#ky-${c.round.roundId}`,
    mails: [
      rollupMail({
        rollup: buildRollup({
          provinceCode: '40',
          scopeName: c.unit.provinceName,
          round: c.round,
          units: [c.unit],
          submissions: [submissionOf(c.unit.code, c.round.roundId, c.status)],
          now: c.now,
        }),
        portalUrl: c.portal,
        department,
      }),
    ],
  }),
  password_reset: (c) => ({
    page: `${c.portal}/quen-mat-khau/dat-lai`,
    mails: [passwordResetMail({ portalUrl: c.portal, code: '123456' })],
  }),
  invitation: (c) => ({
    page: `${c.portal}/dang-nhap`,
    mails: [c.unit, null].map((unit) =>
      invitationMail({
        portalUrl: c.portal,
        email: 'xa@x.vn',
        temporaryPassword: 'Tam-1234',
        unit,
        department,
      }),
    ),
  }),
};

const anyCase = fc.record({
  unit: fc.constantFrom(...units),
  round: fc.constantFrom(...standingRounds('40', 2026)),
  status: fc.constantFrom('accepted' as const, 'needs_review' as const, 'rejected' as const),
  portal: fc.constantFrom('https://portal.skhcn.example.vn', 'http://127.0.0.1:8123'),
  now: fc.date({
    min: new Date('2026-05-01T00:00:00Z'),
    max: new Date('2026-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
});

describe('mail links', () => {
  for (const [kind, make] of Object.entries(KINDS))
    it(`every ${kind} mail links to the page where its reader acts, and names no storage path`, () => {
      fc.assert(
        fc.property(anyCase, (c) => {
          const { page, mails } = make(c);
          for (const m of mails) {
            expect(m.text).toContain(page);
            expect(m.html).toContain(`<a href="${page.replace(/&/g, '&amp;')}">`);
            expect(`${m.text}${m.html}`).not.toMatch(/inbox\//);
          }
        }),
        { numRuns: 15 },
      );
    });
});
