import { ictDate } from '../rounds/deadline.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Report } from '../schemas/report.js';
import type { SubmissionStatus } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import type { UnitRegistry } from '../units/registry.js';
import { capitalize } from '../vocabulary/status-words.js';
import { unitLabel } from '../vocabulary/unit-names.js';

/** The unit a path names must exist and belong to the path's province. */
export function checkUnit(
  unitCode: string,
  provinceCode: string,
  registry: UnitRegistry,
): { unit: Unit } | { problem: Diagnostic } {
  const unit = registry.byCode(unitCode);
  if (!unit)
    return {
      problem: diag.error(
        'unitCode',
        `Mã đơn vị ${unitCode} không có trong danh mục đơn vị hành chính.`,
        'unit.unknown',
      ),
    };
  if (unit.provinceCode !== provinceCode) {
    const province = registry.province(provinceCode)?.name ?? provinceCode;
    return {
      problem: diag.error(
        'unitCode',
        `${capitalize(unitLabel(unit))} thuộc tỉnh ${unit.provinceName}, không thuộc tỉnh ${province}.`,
        'unit.otherProvince',
      ),
    };
  }
  return { unit };
}

const NOT_A_REPORT = {
  KE_HOACH:
    'Văn bản gửi lên là kế hoạch, không phải báo cáo kết quả; số liệu trong đó chưa được tính. ' +
    'Đơn vị vui lòng gửi báo cáo kết quả thực hiện.',
  CONG_VAN:
    'Văn bản gửi lên là công văn, không phải báo cáo kết quả; số liệu trong đó chưa được tính. ' +
    'Đơn vị vui lòng gửi báo cáo kết quả thực hiện.',
} as const;

/**
 * Business rules on a report read from a file sent for `unit`: the unit named in the document
 * must be the sender, the document date may not lie in the future, and reading errors need a
 * person. Returns the diagnostics they add and the status they lead to.
 */
export function checkReport(
  report: Report,
  unit: Unit,
  receivedAt: Date,
  registry: UnitRegistry,
  opts: { form?: boolean } = {},
): { status: SubmissionStatus; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let status: SubmissionStatus = 'accepted';
  const named = report.issuer.code ? registry.byCode(report.issuer.code) : undefined;
  if (named && named.code !== unit.code) {
    diagnostics.push(
      diag.error(
        'issuer',
        `Đơn vị trong văn bản (${unitLabel(named)}) khác đơn vị nộp (${unitLabel(unit)}).`,
        'unit.mismatch',
      ),
    );
    status = 'needs_review';
  }
  if (report.issuedOn && report.issuedOn > ictDate(receivedAt)) {
    diagnostics.push(
      diag.error(
        'issuedOn',
        `Ngày ban hành ${formatDate(report.issuedOn)} ở sau ngày nộp; vui lòng kiểm tra lại.`,
        'issuedOn.future',
      ),
    );
    status = 'needs_review';
  }
  const notReport = NOT_A_REPORT[report.documentType as keyof typeof NOT_A_REPORT];
  if (notReport) {
    // Its figures are targets or requests, not results: a person decides, the rollup skips it.
    diagnostics.push(diag.error('documentType', notReport, 'documentType.notReport'));
    status = 'needs_review';
  }
  const header = opts.form ? formProblem(report) : headerProblem(report);
  if (header) {
    diagnostics.push(header);
    if (header.level === 'error') status = 'needs_review';
  }
  if (report.diagnostics.some((d) => d.level === 'error')) status = 'needs_review';
  return { status, diagnostics };
}

/** Two of the header's three parts (issuer, number, date) missing: not a readable header. */
function headerProblem(report: Report): Diagnostic | null {
  const missing = [report.issuer.name, report.number, report.issuedOn].filter((x) => !x).length;
  if (missing < 2) return null;
  return diag.error(
    'header',
    'Không đọc được phần đầu văn bản (tên đơn vị ban hành, số văn bản, ngày ban hành); ' +
      'vui lòng gửi báo cáo đúng thể thức Nghị định 30/2020 hoặc bản quét rõ nét hơn.',
    'header.unreadable',
  );
}

/**
 * An Excel form is the Sở's template filled in: it has no number or date of its own, and its unit is
 * the sender's folder. What must be there are its figures; without any, a person looks at it.
 */
function formProblem(report: Report): Diagnostic | null {
  if (report.indicators.length === 0) {
    return diag.error(
      'indicators',
      'Không đọc được số liệu nào trong biểu mẫu Excel; vui lòng kiểm tra biểu mẫu ' +
        '(cột chỉ tiêu, cột giá trị) hoặc gửi báo cáo bằng văn bản.',
      'form.empty',
    );
  }
  if (report.number || report.issuedOn) return null;
  return diag.warning(
    'header',
    'Biểu mẫu Excel không có số và ngày văn bản; số liệu được tính cho đơn vị nộp.',
    'form.noHeader',
  );
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}
