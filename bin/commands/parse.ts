import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TesseractOcr } from '../../adapters/tesseract-ocr.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { readDocument } from '../../shared/ocr/read-document.js';
import type { Report } from '../../shared/schemas/report.js';
import { nationalRegistry } from '../registry.js';

export async function parseCommand(
  file: string,
  opts: { json?: boolean; province?: string },
): Promise<number> {
  const bytes = await readFile(file);
  let report: Report;
  // Workers start only when a page needs OCR.
  const ocr = new TesseractOcr();
  try {
    const context = { registry: nationalRegistry(), provinceCode: opts.province ?? null };
    report = (await readDocument(basename(file), bytes, context, ocr)).report;
  } catch (e) {
    if (e instanceof FileProblem) {
      process.stderr.write(`${basename(file)}: ${e.diagnostic.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await ocr.close();
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(formatReport(report));
  return 0;
}

const issuerLine = (r: Report) =>
  `${r.issuer.name ? `${r.issuer.level ?? ''} ${r.issuer.name}`.trim() : '—'}` +
  `${r.issuer.code ? ` [${r.issuer.code}]` : ''}`;

const indicatorLine = (i: Report['indicators'][number]) =>
  `  - ${i.key ?? '(chưa phân loại)'}: ${i.value}${i.unit ? ` ${i.unit}` : ''}` +
  `${i.numerator !== null ? ` (${i.numerator}/${i.denominator})` : ''} — ${i.label.slice(0, 60)}`;

function formatReport(r: Report): string {
  const sections = r.sections.map((s) => `${s.heading.slice(0, 50)} [${s.kind}]`);
  const lines = [
    `Loại văn bản : ${r.documentType}`,
    `Số, ký hiệu  : ${r.number ?? '—'}`,
    `Ngày         : ${r.issuedOn ?? '—'}${r.place ? ` (${r.place})` : ''}`,
    `Đơn vị       : ${issuerLine(r)}`,
    `Tỉnh         : ${r.province ?? '—'}`,
    `Trích yếu    : ${r.title ?? '—'}`,
    `Thực hiện    : ${r.requestedBy.map((q) => q.number).join(', ') || '—'}`,
    `Người ký     : ${[r.signer.title, r.signer.name].filter(Boolean).join(' — ') || '—'}`,
    `Các phần     : ${sections.join('\n               ') || '—'}`,
    `Số liệu      : ${r.indicators.length}`,
    ...r.indicators.map(indicatorLine),
    ...r.diagnostics.map(
      (d) => `! ${d.level === 'error' ? 'Lỗi' : 'Lưu ý'} [${d.field}]: ${d.message}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
