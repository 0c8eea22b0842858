// What a file's digital signatures mean for its submission. A broken signature, or content
// added after signing, needs a person; so does a signature of another unit than the one the
// file is sent for. A certificate outside the Department's trust list is a note; no signature
// is nothing (a scan of paper is normal).
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Report } from '../schemas/report.js';
import type { Signature } from '../schemas/signature.js';
import type { Unit } from '../schemas/unit.js';
import type { UnitRegistry } from '../units/registry.js';
import { unitNamed } from '../units/unit-named.js';
import { REVOCATION_NOT_CHECKED, signatureWho } from '../vocabulary/signature-words.js';
import { unitLabel } from '../vocabulary/unit-names.js';

/** The unit a signature's certificate names (its CN or organisation), when it names one. */
function signingUnit(s: Signature, registry: UnitRegistry, provinceCode: string): Unit | null {
  for (const name of [s.signer, s.organization]) {
    const unit = name ? unitNamed(name, registry, provinceCode) : null;
    if (unit) return unit;
  }
  return null;
}

function judge(
  s: Signature,
  unit: Unit,
  registry: UnitRegistry,
): { review: boolean; d: Diagnostic } | null {
  const who = signatureWho(s);
  if (s.valid === false)
    return {
      review: true,
      d: diag.error(
        'signature',
        `Chữ ký số của ${who} không hợp lệ: ${s.problem ?? ''}`.trim(),
        'signature.invalid',
      ),
    };
  if (s.changedAfter)
    return {
      review: true,
      d: diag.error(
        'signature',
        `Tệp đã bị thêm hoặc sửa nội dung sau khi ${who} ký số; bản được ký không phải toàn bộ tệp đã nộp.`,
        'signature.changedAfter',
      ),
    };
  const signing = signingUnit(s, registry, unit.provinceCode);
  if (signing && signing.code !== unit.code)
    return {
      review: true,
      d: diag.error(
        'signature',
        `Văn bản được ký số bởi ${unitLabel(signing)} (${who}), không phải ${unitLabel(unit)} nộp báo cáo.`,
        'signature.otherUnit',
      ),
    };
  if (s.valid === null)
    return {
      review: false,
      d: diag.warning(
        'signature',
        `Chưa kiểm tra được chữ ký số của ${who}: ${s.problem}`,
        'signature.unchecked',
      ),
    };
  if (!s.chainsToTrustList)
    return {
      review: false,
      d: diag.warning(
        'signature',
        `Chứng thư số của ${who} không thuộc danh sách chứng thư tin cậy của Sở KHCN; ${REVOCATION_NOT_CHECKED}.`,
        'signature.untrusted',
      ),
    };
  return null;
}

/** The diagnostics a report's signatures add, and whether they need the Department's review. */
export function checkSignatures(
  report: Report,
  unit: Unit,
  registry: UnitRegistry,
): { review: boolean; diagnostics: Diagnostic[] } {
  let review = false;
  const diagnostics: Diagnostic[] = [];
  for (const s of report.signatures ?? []) {
    const found = judge(s, unit, registry);
    if (!found) continue;
    review ||= found.review;
    diagnostics.push(found.d);
  }
  return { review, diagnostics };
}
