import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiptMail, reminderMail } from '../../shared/mail/templates.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { Submission } from '../../shared/schemas/submission.js';
import { registry2025 } from '../helpers/fixtures.js';

// Mails send people to the portal page of their unit and round, never to a storage path.
const registry = registry2025();
const units = registry.unitsOf('40');
const portalUrl = 'https://portal.skhcn.example.vn/';

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

describe('mail links', () => {
  it('reminders and receipts link to the unit and round page and name no storage path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.constantFrom(...standingRounds('40', 2026)),
        fc.constantFrom('accepted' as const, 'needs_review' as const, 'rejected' as const),
        (unit, round, status) => {
          const page = `https://portal.skhcn.example.vn/don-vi/${unit.code}/ky/${round.roundId}`;
          const latest = submissionOf(unit.code, round.roundId, status);
          const now = new Date('2026-06-03T01:00:00Z');
          const mails = [
            reminderMail({ round, unit, latest, department: null, now, portalUrl }),
            reminderMail({ round, unit, latest: null, department: null, now, portalUrl }),
            receiptMail({
              submission: latest,
              unit,
              roundTitle: round.title,
              department: null,
              portalUrl,
            }),
          ];
          for (const m of mails) {
            expect(m.text).toContain(page);
            expect(m.html).toContain(page);
            expect(`${m.text}${m.html}`).not.toMatch(/inbox\//);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('without a portal address the mail still names no storage path', () => {
    const [round] = standingRounds('40', 2026);
    const m = reminderMail({
      round: round!,
      unit: units[0]!,
      latest: null,
      department: null,
      now: new Date(),
    });
    expect(m.text).not.toMatch(/inbox\//);
    expect(m.text).toMatch(/cổng tonghop/);
  });
});
