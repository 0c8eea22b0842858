import { textDocument } from '../files/text-document.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Document, HiddenCells } from '../schemas/document.js';
import type { ReportPeriod } from '../schemas/period.js';
import type { DocumentRef, Indicator, Report, Section } from '../schemas/report.js';
import { CONFIDENT_SHARE, type LegacyEncoding } from '../text/legacy-encoding.js';
import { repairText } from '../text/repair.js';
import { textShape } from '../text/words/repair-words.js';
import type { UnitRegistry } from '../units/registry.js';
import { withDisplayText } from './display-text.js';
import { type Header, readHeader } from './header.js';
import { readIndicators } from './indicators.js';
import { type Issuer, readIssuer } from './issuer.js';
import { contentLines, joinLines, type Line, toDoc } from './lines.js';
import { onPages, structuredSections, withTableFigures } from './model-reading.js';
import { AUTHORITY_LINE, DRAFT_MARK, REPORT_CLOSING } from './patterns.js';
import { provinceClue } from './province-clue.js';
import { readPeriod } from './report-period.js';
import {
  BASIS_OPENER,
  DECISION_REQUEST_OPENER,
  isProposal,
  PROPOSAL_OPENER,
  REQUEST_OPENER,
  readReferences,
} from './requests.js';
import { readArticles, readSections } from './sections.js';
import { readSignature, type SignatureBlock } from './signer.js';

export interface ReadContext {
  /** The national unit list; without it names are not resolved (no diacritics restored). */
  registry?: UnitRegistry;
  /** The province the report was sent in, to tell apart units of the same name. */
  provinceCode?: string | null;
  /**
   * The unit the upload's folder names: among units sharing the document's unit name it is the
   * one meant; a province in the text that disagrees is a diagnostic.
   */
  unitCode?: string | null;
  /**
   * The file's structure (shared/schemas/document.ts) where its format has one; the text read is
   * its rendering (documentText), so that lines agree. Sections then come from Word's numbering
   * or formatting and tables of figures are read row by row.
   */
  document?: Document;
}

const MAX_CHARS = 2_000_000;
// Share of invalid words above which a text is OCR output: typed reports have a few (names of
// other peoples, abbreviations, loanwords: under 5 %), OCR output of a scan a fifth or more.
const DAMAGED_SHARE = 0.1;

const ENCODING_NAME: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI',
  cp1258: 'Windows-1258',
};

function encodingDiagnostics(encoding: LegacyEncoding | null, confidence: number): Diagnostic[] {
  if (!encoding) return [];
  const name = ENCODING_NAME[encoding];
  if (confidence < CONFIDENT_SHARE)
    return [
      diag.error(
        'text',
        `Văn bản dùng bảng mã cũ nhưng không xác định chắc chắn là bảng mã nào (gần nhất: ${name}); ` +
          'cần cán bộ kiểm tra. Đơn vị nên lưu lại tệp ở dạng Unicode (UTF-8) rồi gửi lại.',
        'text.encodingUncertain',
      ),
    ];
  return [
    diag.warning(
      'text',
      `Văn bản dùng bảng mã cũ ${name}; đã chuyển sang Unicode.`,
      'text.legacyEncoding',
    ),
  ];
}

/**
 * Reads one commune report as a careful officer would: header, request documents, sections,
 * figures, signature. Pure and synchronous. Whatever the text does not establish is null, with a
 * Vietnamese diagnostic saying so.
 */
export function readReport(input: string, context: ReadContext = {}): Report {
  const diagnostics: Diagnostic[] = [];
  const { text, encoding } = prepareText(input, diagnostics);
  const doc = toDoc(text);
  const lines = contentLines(doc);
  const header = readHeader(lines, doc.folded, diagnostics);
  const fromLines = readSections(lines, header.bodyStart);
  const structured = context.document
    ? structuredSections(context.document, lines, header.bodyStart, fromLines)
    : fromLines;
  const sections =
    !structured.length && header.otherType === 'QUYET_DINH'
      ? readArticles(lines, header.bodyStart)
      : structured;
  const preambleLines = preambleOf(lines, header.bodyStart, sections);
  const preamble = joinLines(preambleLines.map((l) => l.text));
  const { requestedBy, basedOn } = referencesOf(preamble, header, diagnostics);
  const bodyForIssuer = [
    ...preambleLines,
    ...lines.slice(Math.max(header.bodyStart, lines.length - 30)),
  ];
  const issuer = issuerOf(header.headerLines, bodyForIssuer, header, context, diagnostics);
  const damaged = textShape(text).damage >= DAMAGED_SHARE;
  const signature = readSignature(lines.slice(operativeStart(lines, header)), { damaged });
  if (isDraft(lines.slice(0, header.bodyStart))) unsetDraft(header, signature, diagnostics);
  diagnostics.push(...structureDiagnostics(signature, sections.length, header));
  const closing = lines.slice(header.bodyStart).findLast((l) => REPORT_CLOSING.test(l.folded));
  const period = readPeriod({
    title: header.title,
    preamble,
    closing: closing?.text ?? null,
    issuedOn: header.issuedOn,
  });
  const spaced: number[] = [];
  const read = readIndicators(doc, lines[header.bodyStart]?.start ?? 0, spaced);
  if (spaced.length) diagnostics.push(spacedNote(spaced));
  // Plain text has tables too (tabs, bars, aligned columns): its model is built from the text as
  // repaired, so the cells need no repair of their own.
  const indicators = context.document
    ? onPages(withTableFigures(read, context.document, encoding), context.document)
    : withTableFigures(read, textDocument(text), null);
  if (context.document?.hidden?.length)
    diagnostics.push(hiddenCellsNotice(context.document.hidden));
  return presentReport(
    {
      header,
      period,
      issuer,
      requestedBy,
      basedOn,
      signature,
      sections,
      indicators,
      encoding,
      diagnostics,
    },
    text,
    context.registry,
  );
}

/** Rows or columns of a form its author hid are not read; the officer is told which. */
function hiddenCellsNotice(hidden: HiddenCells[]): Diagnostic {
  const list = (xs: Array<string | number>) =>
    xs.length > 8 ? `${xs.slice(0, 8).join(', ')}… (${xs.length})` : xs.join(', ');
  const where = hidden.slice(0, 5).map((h) => {
    const parts = [
      h.rows.length ? `dòng ${list(h.rows)}` : '',
      h.columns.length ? `cột ${list(h.columns)}` : '',
    ].filter(Boolean);
    return `trang "${h.sheet.slice(0, 40)}": ${parts.join('; ')}`;
  });
  const message =
    `Biểu mẫu có dòng hoặc cột bị ẩn chứa dữ liệu, không được đọc (${where.join('; ')}). ` +
    'Nếu đó là số liệu báo cáo, vui lòng bỏ ẩn rồi gửi lại.';
  return diag.warning('indicators', message, 'indicators.hiddenCells');
}

function isDraft(headerLines: Line[]): boolean {
  return headerLines.some((l) => DRAFT_MARK.test(l.folded));
}

/**
 * A draft has no number, date or signer, even when its body names officials or its header has
 * a place for them: they are left out, with the reason.
 */
function unsetDraft(header: Header, signature: SignatureBlock, diagnostics: Diagnostic[]): void {
  header.number = null;
  header.issuedOn = null;
  signature.name = null;
  signature.title = null;
  const message = 'Văn bản là dự thảo: chưa có số, ngày ban hành và người ký.';
  diagnostics.push(diag.warning('documentType', message, 'document.draft'));
}

/** The text as the reader wants it, with what was done to it said in diagnostics. */
function prepareText(
  input: string,
  diagnostics: Diagnostic[],
): { text: string; encoding: LegacyEncoding | null } {
  let raw = input;
  if (raw.length > MAX_CHARS) {
    raw = raw.slice(0, MAX_CHARS);
    diagnostics.push(
      diag.warning(
        'text',
        `Văn bản quá dài; chỉ đọc ${MAX_CHARS.toLocaleString('vi-VN')} ký tự đầu.`,
        'text.truncated',
      ),
    );
  }
  const { text, encoding, encodingConfidence } = repairText(raw);
  diagnostics.push(...encodingDiagnostics(encoding, encodingConfidence));
  if (!/\p{L}{3}/u.test(text))
    diagnostics.push(diag.error('text', 'Tệp không có nội dung chữ đọc được.', 'text.empty'));
  return { text, encoding };
}

// "QUYẾT ĐỊNH:" over a decision's articles.
const DECIDES = /^quy[e€]t\s*d[i1]nh\s*:?\s*$/;

/**
 * Where a document's own words begin, past what precedes them: a quyết định's authority line
 * ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …") and its bases end at "QUYẾT ĐỊNH:"; no title there is a signer's.
 */
function operativeStart(lines: Line[], header: Header): number {
  let from = header.bodyStart;
  if (lines[from] && AUTHORITY_LINE.test(lines[from]!.folded)) from++;
  if (header.otherType !== 'QUYET_DINH') return from;
  const decides = lines.findIndex((l, i) => i >= from && DECIDES.test(l.folded));
  return decides >= 0 ? decides + 1 : from;
}

/**
 * The documents the preamble answers and the ones it rests on. "Căn cứ …" is always a basis; a
 * tờ trình cited is a proposal, so a basis too; in a quyết định a proposal's "Theo đề nghị …"
 * opens no request.
 */
function referencesOf(
  preamble: string,
  header: Header,
  diagnostics: Diagnostic[],
): { requestedBy: DocumentRef[]; basedOn: DocumentRef[] } {
  const opener = header.otherType === 'QUYET_DINH' ? DECISION_REQUEST_OPENER : REQUEST_OPENER;
  const asked = readReferences(preamble, opener, 'requestedBy', diagnostics);
  const requestedBy = asked.filter((r) => !isProposal(r));
  const bases = readReferences(preamble, BASIS_OPENER, 'basedOn', diagnostics);
  if (header.otherType === 'QUYET_DINH')
    bases.push(...readReferences(preamble, PROPOSAL_OPENER, 'basedOn', diagnostics));
  const basedOn = [...bases, ...asked.filter(isProposal)].filter(
    (b, i, all) =>
      !requestedBy.some((r) => r.number === b.number) &&
      all.findIndex((x) => x.number === b.number) === i,
  );
  return { requestedBy, basedOn };
}

/** The preamble: between the title and the first section; it names the request documents. */
function preambleOf(lines: Line[], bodyStart: number, sections: Section[]): Line[] {
  const first = sections[0];
  const firstSectionLine = first
    ? lines.findIndex((l, i) => i >= bodyStart && l.text.startsWith(first.heading.slice(0, 12)))
    : -1;
  return lines.slice(
    bodyStart,
    firstSectionLine > 0 ? firstSectionLine : Math.min(lines.length, bodyStart + 12),
  );
}

/**
 * The issuer, and its province: from the registry when the name is the country's only one; from
 * the upload's folder, else from what the text says of the commune (province-clue.ts) when
 * several units share it; never from a province the text merely mentions.
 */
function issuerOf(
  headerLines: Line[],
  body: Line[],
  header: Header,
  context: ReadContext,
  diagnostics: Diagnostic[],
): Issuer {
  const { registry, provinceCode: given } = context;
  const clue = registry
    ? provinceClue(
        { headerLines, recipients: header.recipients, body, place: header.place },
        registry,
      )
    : null;
  const folderUnit = context.unitCode ? (registry?.byCode(context.unitCode) ?? null) : null;
  const provinceCode = given ?? folderUnit?.provinceCode ?? clue?.province.code ?? null;
  const issuer = readIssuer(headerLines, body, registry, { provinceCode, folderUnit }, diagnostics);
  if (folderUnit && clue && issuer.unit?.code === folderUnit.code)
    if (clue.province.code !== folderUnit.provinceCode) {
      const message =
        `Văn bản ghi ${clue.province.name} nhưng được nộp vào thư mục của ` +
        `${folderUnit.name} (${folderUnit.provinceName}); cần kiểm tra đơn vị gửi.`;
      diagnostics.push(diag.warning('issuer', message, 'issuer.folderDisagrees'));
    }
  if (issuer.province || !registry || !given) return issuer;
  const p = registry.province(given);
  return p ? { ...issuer, province: p.name, provinceCode: p.code } : issuer;
}

function structureDiagnostics(
  signature: SignatureBlock,
  sectionCount: number,
  header: Header,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!signature.title)
    out.push(
      diag.warning('signer', 'Không tìm thấy khối chữ ký (chức vụ người ký).', 'signer.missing'),
    );
  else if (!signature.name)
    out.push(diag.warning('signer.name', 'Không đọc được họ tên người ký.', 'signer.nameMissing'));
  // A công văn, quyết định or tờ trình has no parts I, II, III to miss.
  if (!sectionCount && header.documentType !== 'CONG_VAN' && !header.otherType)
    out.push(
      diag.warning(
        'sections',
        'Không tìm thấy các phần I, II, III… của báo cáo.',
        'sections.missing',
      ),
    );
  return out;
}

interface Parts {
  header: Header;
  period: ReportPeriod | null;
  issuer: Issuer;
  requestedBy: DocumentRef[];
  basedOn: DocumentRef[];
  signature: SignatureBlock;
  sections: Section[];
  indicators: Indicator[];
  encoding: LegacyEncoding | null;
  diagnostics: Diagnostic[];
}

/**
 * The one place where what people read is assembled: the title, the issuer's and signer's
 * names, section headings and texts. A repair of OCR-damaged words belongs here, with the
 * original kept beside it (display-text.ts); figures, dates and document numbers pass through untouched.
 */
function presentReport(p: Parts, text: string, registry?: UnitRegistry): Report {
  const { header, issuer, signature } = p;
  const read: Report = {
    documentType: header.documentType,
    number: header.number,
    issuedOn: header.issuedOn,
    place: header.place,
    issuer: { level: issuer.level, name: issuer.name, code: issuer.unit?.code ?? null },
    province: issuer.province,
    provinceCode: issuer.provinceCode,
    title: header.title,
    recipients: header.recipients,
    requestedBy: p.requestedBy,
    basedOn: p.basedOn,
    signer: { name: signature.name, title: signature.title },
    distribution: signature.distribution,
    sections: p.sections,
    indicators: p.indicators,
    encoding: p.encoding ?? 'unicode',
    diagnostics: p.diagnostics,
    period: p.period,
  };
  // A name the registry could not settle (several provinces have it) is still the unit's own.
  return withDisplayText(read, text, registry, issuer.written ? [issuer.written] : []);
}

/** Figures left out because a plain space splits their digits ("1 234"): where, and how to write them. */
function spacedNote(lines: number[]): Diagnostic {
  const where = [...new Set(lines)].slice(0, 5).join(', ');
  return diag.warning(
    'indicators',
    `Số liệu có chữ số cách nhau bằng dấu cách (ví dụ "1 234", dòng ${where}) không rõ là một số ` +
      'hay hai số nên chưa được lấy; vui lòng viết dấu chấm phân cách hàng nghìn (1.234).',
    'indicators.spacedDigits',
  );
}
