import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmissions } from '../../scripts/sample-rollup.js';
import { invitationMail } from '../../shared/mail/invitation.js';
import {
  digestMail,
  type RenderedMail,
  receiptMail,
  reminderMail,
} from '../../shared/mail/templates.js';
import { reviewMail } from '../../shared/review/review-mail.js';
import type { RollupFile } from '../../shared/rollup/rollup-job.js';
import { rollupMail } from '../../shared/rollup/rollup-mail.js';
import type { Rollup } from '../../shared/schemas/rollup.js';
import type { Submission } from '../../shared/schemas/submission.js';
import type { Department } from '../../shared/schemas/unit.js';
import { morningRollup, registry, round } from '../helpers/rollup-fixtures.js';

// Every deterministic output, byte for byte, against files kept in test/golden/: the sample
// rollup of Nghệ An (generated reports plus the examples) in its four formats and one of each
// mail. A change that moves code must leave them alone; a change meant to alter an output
// updates the golden files with `npx vitest run test/unit/outputs-golden.test.ts -u` and the
// diff shows what users will see differently.

const golden = (name: string) => `../golden/${name}`;
const units = registry.unitsOf('40');
const department: Department = {
  provinceCode: '40',
  name: 'Sở Khoa học và Công nghệ tỉnh Nghệ An',
  emails: ['sokhcn@nghean.example'],
  signer: {
    name: 'Nguyễn Văn Minh',
    title: 'PHÓ GIÁM ĐỐC',
    authority: 'KT',
    principal: 'GIÁM ĐỐC',
  },
  phone: '0238 3844 500',
};
const PORTAL = 'https://tonghop.example.vn';

let rollup: Rollup;
let submissions: Submission[];
let files: Record<string, RollupFile>;
beforeAll(async () => {
  // The examples and every tenth generated report: every section filled, files small enough to
  // read in a diff.
  submissions = sampleSubmissions(units).filter((_, i) => i >= 100 || i % 10 === 0);
  ({ rollup, files } = await morningRollup(units, submissions));
});

/**
 * A fingerprint of each XML part of an Office file (docProps carry the build time; the zip's own
 * dates are not content): byte-for-byte without keeping a megabyte of XML in the repository.
 */
async function officeHashes(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => n.endsWith('.xml') && !n.startsWith('docProps/'))
    .sort();
  const lines = await Promise.all(
    names.map(async (n) => {
      const hash = createHash('sha256').update(await zip.file(n)!.async('uint8array'));
      return `${hash.digest('hex').slice(0, 16)}  ${n}`;
    }),
  );
  return `${lines.join('\n')}\n`;
}

/** Every sheet's cells as tab-separated text, dates as ISO strings. */
async function sheetText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const cell = (v: ExcelJS.CellValue) =>
    v instanceof Date
      ? v.toISOString()
      : typeof v === 'object' && v
        ? JSON.stringify(v)
        : String(v ?? '');
  return book.worksheets
    .map((w) => {
      const rows: string[] = [];
      w.eachRow({ includeEmpty: true }, (row) => {
        rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cell).join('\t'));
      });
      return `--- ${w.name}\n${rows.join('\n')}\n`;
    })
    .join('');
}

const mailText = (m: Pick<RenderedMail, 'subject' | 'text' | 'html'>) =>
  `Subject: ${m.subject}\n\n${m.text}\n--- html\n${m.html}\n`;

describe('outputs unchanged (golden files)', () => {
  it('the rollup JSON and HTML', async () => {
    const json = new TextDecoder().decode(files.json!.bytes);
    // Kept indented in the golden file for a readable diff; the file itself is compact.
    expect(JSON.stringify(JSON.parse(json))).toBe(json);
    await expect(`${JSON.stringify(JSON.parse(json), null, 1)}\n`).toMatchFileSnapshot(
      golden('rollup-40.json'),
    );
    await expect(new TextDecoder().decode(files.html!.bytes)).toMatchFileSnapshot(
      golden('rollup-40.html'),
    );
  });

  it('the rollup DOCX and XLSX content', async () => {
    const docx = Buffer.from(files.docx!.bytes);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    await expect(text).toMatchFileSnapshot(golden('rollup-40.docx.txt'));
    await expect(await sheetText(files.xlsx!.bytes)).toMatchFileSnapshot(
      golden('rollup-40.xlsx.tsv'),
    );
    const hashes = `${await officeHashes(files.docx!.bytes)}${await officeHashes(files.xlsx!.bytes)}`;
    await expect(hashes).toMatchFileSnapshot(golden('rollup-40.office-parts.sha256'));
  });

  it('every mail', async () => {
    const late = submissions.find((s) => s.status !== 'accepted')!;
    const fine = submissions.find((s) => s.status === 'accepted')!;
    const unitOf = (code: string) => units.find((u) => u.code === code)!;
    const mails: Record<string, Pick<RenderedMail, 'subject' | 'text' | 'html'>> = {
      'reminder-none': reminderMail({
        round,
        unit: units[0]!,
        latest: null,
        department,
        now: new Date('2026-06-03T08:00:00+07:00'),
        portalUrl: PORTAL,
      }),
      'reminder-problem': reminderMail({
        round,
        unit: unitOf(late.unitCode),
        latest: late,
        department: null,
        now: new Date('2026-06-12T08:00:00+07:00'),
        portalUrl: PORTAL,
      }),
      'receipt-problem': receiptMail({
        submission: late,
        unit: unitOf(late.unitCode),
        roundTitle: round.title,
        department,
        portalUrl: PORTAL,
      }),
      'receipt-accepted': receiptMail({
        submission: fine,
        unit: unitOf(fine.unitCode),
        roundTitle: round.title,
        department: null,
        portalUrl: PORTAL,
      }),
      digest: digestMail({
        round,
        now: new Date('2026-06-11T08:30:00+07:00'),
        rows: units.slice(0, 6).map((unit, i) => ({
          unit,
          state: (['on_time', 'late', 'needs_review', 'missing'] as const)[i % 4]!,
          receivedAt: i % 4 === 3 ? null : '2026-06-05T02:00:00.000Z',
          hasContact: i !== 3,
        })),
        undeliverable: new Map([[units[1]!.code, ['xa@example.vn']]]),
        portalUrl: PORTAL,
      }),
      'invitation-unit': invitationMail({
        portalUrl: PORTAL,
        email: 'xa@example.vn',
        temporaryPassword: 'Tam-thoi-1234',
        unit: units[0]!,
        department,
      }),
      'invitation-staff': invitationMail({
        portalUrl: PORTAL,
        email: 'sokhcn@nghean.example',
        temporaryPassword: 'Tam-thoi-5678',
        unit: null,
        department,
      }),
      'rollup-portal': rollupMail({ rollup, portalUrl: PORTAL, department }),
      ...Object.fromEntries(
        (['return', 'assign'] as const).map((kind) => [
          `review-${kind}`,
          reviewMail({
            kind,
            submission: late,
            unit: unitOf(late.unitCode),
            roundTitle: round.title,
            message: 'Bổ sung số liệu mục 3 & ký, đóng dấu <bản chính>.',
            department,
            portalUrl: PORTAL,
          }),
        ]),
      ),
    };
    const all = Object.entries(mails)
      .map(([name, m]) => `===== ${name}\n${mailText(m)}`)
      .join('\n');
    await expect(all).toMatchFileSnapshot(golden('mails.txt'));
  });
});
