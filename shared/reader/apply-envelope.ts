// An edXML package's header over the reading of its attached document: the e-office states the
// number, date, issuer, subject and signer, and where it states them they stand. Where the
// document itself says otherwise, neither is trusted: the field is left empty with a diagnostic.
import type { EnvelopeHeader } from '../files/edxml/envelope.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { DocumentType, Report } from '../schemas/report.js';
import { foldKey } from '../text/fold.js';
import type { UnitRegistry } from '../units/registry.js';
import { unitNamed } from '../units/unit-named.js';
import { toIsoDate } from './dates.js';
import { readPeriod } from './report-period.js';

export function envelopeNumber(h: EnvelopeHeader): string | null {
  const number = h.codeNumber?.trim();
  const notation = h.codeNotation?.trim().replace(/^\//, '');
  if (number && notation) return `${number}/${notation}`;
  return notation?.includes('/') ? notation : null;
}

/** "2026-11-18", "2026-11-18T00:00:00+07:00" or "18/11/2026". */
export function envelopeDate(raw: string | null): string | null {
  if (!raw) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(raw);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(raw);
  const r = iso
    ? toIsoDate(iso[3]!, iso[2]!, iso[1]!)
    : vn
      ? toIsoDate(vn[1]!, vn[2]!, vn[3]!)
      : null;
  return r?.ok ? r.iso : null;
}

const TYPE_NAMES: Array<[RegExp, DocumentType]> = [
  [/^bao cao/, 'BAO_CAO'],
  [/^ke hoach/, 'KE_HOACH'],
  [/^cong van/, 'CONG_VAN'],
];

export const sameNumber = (a: string, b: string) =>
  foldKey(a).replace(/\s+/g, '') === foldKey(b).replace(/\s+/g, '');

const FIELD_WORDS = { number: 'Số, ký hiệu', issuedOn: 'Ngày ban hành', issuer: 'Đơn vị ban hành' };

function disagreement(
  field: keyof typeof FIELD_WORDS,
  envelope: string,
  document: string,
): Diagnostic {
  return diag.error(
    field,
    `${FIELD_WORDS[field]} trong gói edXML (${envelope}) khác với văn bản đính kèm (${document}); ` +
      'chưa lấy giá trị nào, cán bộ Sở KHCN cần kiểm tra.',
    'edxml.disagrees',
  );
}

/** The header's issuer: by its digital identifier (from the contact list), else by its name. */
function envelopeIssuer(h: EnvelopeHeader, registry?: UnitRegistry, provinceCode?: string | null) {
  if (!registry) return null;
  const byId = h.organId ? registry.byOrganId(h.organId) : undefined;
  if (byId) return byId;
  return h.organName ? unitNamed(h.organName, registry, provinceCode) : null;
}

export function applyEnvelope(
  report: Report,
  h: EnvelopeHeader,
  registry?: UnitRegistry,
  provinceCode?: string | null,
): Report {
  const out: Report = { ...report, diagnostics: [...report.diagnostics] };
  const number = envelopeNumber(h);
  if (number && out.number && !sameNumber(number, out.number)) {
    out.diagnostics.push(disagreement('number', number, out.number));
    out.number = null;
  } else if (number) out.number = number;
  const date = envelopeDate(h.promulgationDate);
  if (date && out.issuedOn && date !== out.issuedOn) {
    out.diagnostics.push(disagreement('issuedOn', date, out.issuedOn));
    out.issuedOn = null;
  } else if (date) out.issuedOn = date;
  const unit = envelopeIssuer(h, registry, provinceCode);
  if (unit && out.issuer.code && unit.code !== out.issuer.code) {
    const named = `${out.issuer.name ?? out.issuer.code}`;
    out.diagnostics.push(disagreement('issuer', h.organName ?? unit.name, named));
    out.issuer = { level: null, name: null, code: null };
  } else if (unit) {
    out.issuer = { level: unit.level, name: unit.name, code: unit.code };
    out.province = unit.provinceName;
    out.provinceCode = unit.provinceCode;
  }
  if (h.subject) {
    out.title = h.subject;
    delete out.titleOriginal;
  }
  if (h.signerName && !out.signer.name) out.signer = { ...out.signer, name: h.signerName };
  if (h.signerPosition && !out.signer.title)
    out.signer = { ...out.signer, title: h.signerPosition };
  const type = h.typeName
    ? TYPE_NAMES.find(([re]) => re.test(foldKey(h.typeName!)))?.[1]
    : undefined;
  if (type && out.documentType === 'OTHER') out.documentType = type;
  if (h.place && !out.place) out.place = h.place;
  if (h.subject && !out.period)
    out.period = readPeriod({
      title: h.subject,
      preamble: '',
      closing: null,
      issuedOn: out.issuedOn,
    });
  for (const note of h.notes) out.diagnostics.push(diag.warning('file', note, 'edxml.attachment'));
  return withoutFilledGaps(report, out);
}

/** The reader's note that the document lacks a field, for each field the header filled. */
const GAP_NOTES: Array<[RegExp, (r: Report) => boolean]> = [
  [/^number\.missing$/, (r) => Boolean(r.number)],
  [/^issuedOn\.missing$/, (r) => Boolean(r.issuedOn)],
  [/^title\.missing$/, (r) => Boolean(r.title)],
  [/^documentType\.unknown$/, (r) => r.documentType !== 'OTHER'],
  [/^issuer\.(missing|ambiguous|unknown)$/, (r) => Boolean(r.issuer.code)],
  [/^signer\.missing$/, (r) => Boolean(r.signer.title)],
];

/**
 * A note that the document lacks a field is dropped once the header has filled that field: a
 * stored report holding number 12/BC-UBND must not say first "Không đọc được số, ký hiệu".
 */
function withoutFilledGaps(read: Report, out: Report): Report {
  const filled = GAP_NOTES.filter(([, has]) => !has(read) && has(out)).map(([code]) => code);
  const gap = (code?: string) => Boolean(code && filled.some((re) => re.test(code)));
  return { ...out, diagnostics: out.diagnostics.filter((d) => !gap(d.code)) };
}
