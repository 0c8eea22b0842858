// The metamorphic relation between a clean report's reading and a damaged copy's: every field
// of the damaged reading equals the clean one, or is null (empty) with a diagnostic saying so.
// Never a different value.
import type { Report } from '../shared/schemas/report.js';
import { fold } from '../shared/text/fold.js';

const key = (s: string | null) => (s === null ? null : fold(s).replace(/\s+/g, ' ').trim());
const docNo = (s: string | null) => (s === null ? null : key(s)!.replace(/\s+/g, ''));

/**
 * The differences that break the relation, as readable strings; empty when it holds. Names and
 * titles are compared without their diacritics, as an officer checks them: a title OCR damaged
 * must come back from word repair with its letters ("thwc" is "thực", never "thức" nor "thwc").
 */
export function differences(clean: Report, damaged: Report): string[] {
  const out: string[] = [];
  const hasDiagnostic = (field: string) =>
    damaged.diagnostics.some((d) => d.field.split('.')[0] === field.split('.')[0]);
  const scalar = (field: string, a: string | null, b: string | null) => {
    if (b === null || b === '') {
      if (a !== null && !hasDiagnostic(field)) out.push(`${field}: null without a diagnostic`);
    } else if (a !== b) out.push(`${field}: ${JSON.stringify(b)} instead of ${JSON.stringify(a)}`);
  };
  scalar(
    'documentType',
    clean.documentType,
    damaged.documentType === 'OTHER' ? null : damaged.documentType,
  );
  scalar('number', docNo(clean.number), docNo(damaged.number));
  scalar('issuedOn', clean.issuedOn, damaged.issuedOn);
  scalar('issuer.level', clean.issuer.level, damaged.issuer.level);
  scalar('issuer.name', key(clean.issuer.name), key(damaged.issuer.name));
  scalar('issuer.province', key(clean.province), key(damaged.province));
  scalar('signer.title', key(clean.signer.title), key(damaged.signer.title));
  scalar('signer.name', key(clean.signer.name), key(damaged.signer.name));
  scalar('title', key(clean.title), key(damaged.title));
  const refs = new Set(clean.requestedBy.map((r) => docNo(r.number)));
  for (const r of damaged.requestedBy)
    if (!refs.has(docNo(r.number))) out.push(`requestedBy: extra ${r.number}`);
  const kinds = new Set(clean.sections.map((s) => s.kind));
  for (const s of damaged.sections)
    if (!kinds.has(s.kind) && s.kind !== 'other') out.push(`sections: extra ${s.kind}`);
  for (const i of damaged.indicators) {
    if (!i.key) continue;
    const same = clean.indicators.filter((c) => c.key === i.key);
    if (!same.some((c) => c.value === i.value))
      out.push(
        `indicator ${i.key}: ${i.value} not among ${same.map((c) => c.value).join(', ') || 'none'}`,
      );
  }
  return out;
}
