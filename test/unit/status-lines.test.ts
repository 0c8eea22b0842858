import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisiveReason, isTechnical } from '../../shared/ingest/decisive-reason.js';
import { receiptMail } from '../../shared/mail/templates.js';
import { standingRounds } from '../../shared/rounds/standing-rounds.js';
import type { Diagnostic } from '../../shared/schemas/diagnostic.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { RoundView } from '../../web/unit-data.js';
import { readingOf } from '../../web/views/report.js';
import { fileLine, roundLine } from '../../web/views/status-line.js';
import { registry2025 } from '../helpers/fixtures.js';

// Every status view of a file starts with one line that says what happened and what to do; the
// details come after it, folded. A note (OCR done, an encoding converted) is never the thing to
// fix, and nothing says "báo cáo vẫn được tiếp nhận" beside a status that says otherwise.
const unit = registry2025().byCode('16941')!;
const round = standingRounds('40', 2026)[0]!;
const STATUSES = ['accepted', 'needs_review', 'rejected', 'returned', 'ocr_pending'] as const;

const diagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  level: fc.constantFrom('error' as const, 'warning' as const),
  field: fc.constantFrom('file', 'number', 'signer', 'indicators.x', 'other'),
  message: fc.constantFrom('Thiếu số văn bản.', 'Đã nhận dạng ký tự (OCR) 1 trang.', 'Ảnh mờ.'),
  code: fc.option(
    fc.constantFrom(
      'ocr.read',
      'file.noText',
      'unit.mismatch',
      'text.legacyEncoding',
      'period.mismatch',
    ),
    {
      nil: undefined,
    },
  ),
});

const submission = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    diagnostics: fc.array(diagnostic, { maxLength: 10 }),
    version: fc.integer({ min: 1, max: 9 }),
    uploadedAt: fc.constantFrom('2026-06-01T02:00:00.000Z', '2026-06-20T02:00:00.000Z'),
  })
  .map(
    (p): Submission => ({
      submissionId: `s${p.version}`,
      provinceCode: '40',
      roundId: round.roundId,
      unitCode: unit.code,
      version: p.version,
      status: p.status,
      diagnostics: p.diagnostics,
      file: {
        bucket: 'b',
        key: `inbox/40/${round.roundId}/${unit.code}/u/a.docx`,
        versionId: null,
        name: 'a.docx',
        size: 10,
        sha256: null,
        format: 'docx',
      },
      uploadedAt: p.uploadedAt,
      processedAt: p.uploadedAt,
      report: null,
      ...(p.status === 'returned'
        ? {
            audit: [
              {
                action: 'return' as const,
                by: { sub: 'x', email: 'so@x.vn' },
                at: p.uploadedAt,
                reason: 'Bổ sung chữ ký.',
                from: 'needs_review' as const,
                to: 'returned' as const,
              },
            ],
          }
        : {}),
    }),
  );

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('one clear line first', () => {
  it('every file view opens with one line, then the details folded', () => {
    fc.assert(
      fc.property(submission, (s) => {
        const html = readingOf(s).toString();
        const lines = html.match(/<p class="first-line">([^<]*)<\/p>/g) ?? [];
        expect(lines).toHaveLength(1);
        expect(html.indexOf('first-line')).toBeLessThan(html.indexOf('<details>'));
        const line = fileLine(s);
        expect(line.text.length).toBeGreaterThan(10);
        const reason = decisiveReason(s.diagnostics);
        if (
          reason &&
          !isTechnical(reason) &&
          (s.status === 'rejected' || s.status === 'needs_review')
        )
          expect(line.text).toContain(reason.message);
        // A remark on how the file was read (OCR, encoding) never leads.
        for (const d of s.diagnostics.filter(isTechnical))
          if (!s.diagnostics.some((e) => !isTechnical(e) && e.message === d.message))
            expect(line.text).not.toContain(d.message);
        if (s.status !== 'accepted') expect(text(html)).not.toMatch(/vẫn được tiếp nhận/);
      }),
      { numRuns: 300 },
    );
  });

  it('the receipt lists notes apart and asks for a new file only when there is something to fix', () => {
    fc.assert(
      fc.property(submission, (s) => {
        const m = receiptMail({
          submission: s,
          unit,
          roundTitle: round.title,
          department: null,
          portalUrl: 'https://p.vn',
        });
        const fix = /Nội dung cần sửa:\n((?:- .*\n?)*)/.exec(m.text)?.[1] ?? '';
        const errors = s.diagnostics.filter((d) => d.level === 'error').map((d) => d.message);
        for (const line of fix.split('\n').filter(Boolean)) expect(errors).toContain(line.slice(2));
        expect(/gửi lại bản mới/.test(m.text)).toBe(s.status !== 'accepted' && errors.length > 0);
      }),
      { numRuns: 200 },
    );
  });

  it('a round says what counts and what waits, and an overdue round without a file is not grey', () => {
    fc.assert(
      fc.property(
        fc.array(submission, { maxLength: 4 }),
        fc.date({
          min: new Date('2026-05-01T00:00:00Z'),
          max: new Date('2026-09-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (list, now) => {
          const versions = list
            .map((s, i) => ({ ...s, version: i + 1, submissionId: `s${i + 1}` }))
            .reverse();
          const counted = versions.find((s) => s.status === 'accepted') ?? null;
          const view: RoundView = {
            round,
            status: counted ? 'accepted' : (versions[0]?.status ?? 'missing'),
            timeliness: null,
            versions,
            counted,
          };
          const line = roundLine(view, now);
          const overdue = now.getTime() > Date.parse(round.deadline);
          if (!versions.length) expect(line.kind).toBe(overdue ? 'overdue' : 'missing');
          if (counted) expect(line.text).toContain(`Lần nộp ${counted.version} được tính`);
          if (counted && versions[0] !== counted) {
            expect(line.text).toContain(`lần nộp ${versions[0]!.version} (mới nhất)`);
            expect(line.text).not.toMatch(/^Đã tiếp nhận/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
