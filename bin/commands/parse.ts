import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { scanEngine } from '../../adapters/scan-engine.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { withSafeFigures } from '../../shared/ingest/storage-bounds.js';
import { readDocument, readPhotosDocument } from '../../shared/ocr/read-document.js';
import { INDICATOR_CATALOGUE } from '../../shared/reader/catalogue.js';
import { ictDate } from '../../shared/rounds/deadline.js';
import type { Report } from '../../shared/schemas/report.js';
import { fieldWord, SECTION_KIND_WORDS } from '../../shared/vocabulary/report-words.js';
import { signatureLine } from '../../shared/vocabulary/signature-words.js';
import { DOCUMENT_KIND_WORDS } from '../../shared/vocabulary/status-words.js';
import { LEVEL_WORDS } from '../../shared/vocabulary/unit-names.js';
import { writeError } from '../cli-output.js';
import { nationalRegistry } from '../registry.js';
import { homeTrustList } from '../trust-home.js';

/** One report: a file, or several photos of its pages (read in page order by name). */
export async function parseCommand(
  files: string[],
  opts: { json?: boolean; province?: string },
): Promise<number> {
  let report: Report;
  // Workers start only when a page needs OCR.
  const ocr = scanEngine();
  const shown = files.map((f) => basename(f)).join(', ');
  try {
    // A date read from a scan after today (in Vietnam) cannot be the document's own.
    const context = {
      registry: nationalRegistry(),
      provinceCode: opts.province ?? null,
      receivedOn: ictDate(new Date()),
    };
    const trust = await homeTrustList(opts.province);
    const photos = await Promise.all(
      files.map(async (f) => ({ name: basename(f), bytes: await readFile(f) })),
    );
    report =
      photos.length === 1
        ? (await readDocument(photos[0]!.name, photos[0]!.bytes, context, ocr, { trust })).report
        : (await readPhotosDocument(photos, context, ocr)).report;
  } catch (e) {
    if (e instanceof FileProblem) {
      writeError(`${shown}: ${e.diagnostic.message}`, 'file', Boolean(opts.json));
      return 1;
    }
    throw e;
  } finally {
    await ocr.close();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(contractJson(report), null, 2)}\n`);
    return 0;
  }
  process.stdout.write(formatReport(report));
  return 0;
}

/**
 * The report as the parse contract gives it (../shared/eval/README.md): `valid` is a boolean there,
 * so a signature that could not be checked (null inside, with its reason) is not valid. A figure no
 * number holds exactly is left out with its reason, as ingest does (indicators.unsafeNumber).
 */
export function contractJson(read: Report): Report {
  const report = withSafeFigures(read);
  if (!report.signatures?.length) return { ...report, signatures: [] };
  return {
    ...report,
    signatures: report.signatures.map((s) => ({ ...s, valid: s.valid === true })),
  };
}

const catalogueName = new Map(INDICATOR_CATALOGUE.map((e) => [e.key, e.name]));

function issuerLine(r: Report): string {
  const level = r.issuer.level ? LEVEL_WORDS[r.issuer.level] : '';
  const name = r.issuer.name ? `${level} ${r.issuer.name}`.trim() : '—';
  return `${name}${r.issuer.code ? ` [${r.issuer.code}]` : ''}`;
}

function indicatorLine(i: Report['indicators'][number]): string {
  const what = i.key ? (catalogueName.get(i.key) ?? i.key) : '(chưa phân loại)';
  const unit = i.unit ? ` ${i.unit}` : '';
  const fraction = i.numerator !== null ? ` (${i.numerator}/${i.denominator})` : '';
  return `  - ${what}: ${i.value}${unit}${fraction} — ${i.label.slice(0, 60)}`;
}

/** The report for people: Vietnamese words for every key the JSON keeps as it is. */
function formatReport(read: Report): string {
  const r = withSafeFigures(read);
  const sections = r.sections.map(
    (s) => `${s.heading.slice(0, 50)} [${SECTION_KIND_WORDS[s.kind]}]`,
  );
  const lines = [
    `Loại văn bản : ${DOCUMENT_KIND_WORDS[r.documentType]}`,
    `Số, ký hiệu  : ${r.number ?? '—'}`,
    `Ngày         : ${r.issuedOn ?? '—'}${r.place ? ` (${r.place})` : ''}`,
    `Đơn vị       : ${issuerLine(r)}`,
    `Tỉnh         : ${r.province ?? '—'}`,
    `Trích yếu    : ${r.title ?? '—'}`,
    `Thực hiện    : ${r.requestedBy.map((q) => q.number).join(', ') || '—'}`,
    `Người ký     : ${[r.signer.title, r.signer.name].filter(Boolean).join(' — ') || '—'}`,
    ...(r.signatures ?? []).map((s) => signatureLine(s)),
    `Các phần     : ${sections.join('\n               ') || '—'}`,
    `Số liệu      : ${r.indicators.length}`,
    ...r.indicators.map(indicatorLine),
    ...r.diagnostics.map(
      (d) => `! ${d.level === 'error' ? 'Lỗi' : 'Lưu ý'} [${fieldWord(d.field)}]: ${d.message}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
