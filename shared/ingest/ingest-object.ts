import { createHash } from 'node:crypto';
import { FileProblem } from '../files/file-problem.js';
import { checkSize, formatOf, readFileContent } from '../files/read-file.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { NewSubmission, RecordResult, SubmissionStore } from '../ports/submission-store.js';
import { readReport } from '../reader/read-report.js';
import { roundForReport } from '../rounds/round-for-report.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { Report } from '../schemas/report.js';
import type { Round } from '../schemas/round.js';
import type { SubmissionStatus } from '../schemas/submission.js';
import { UPLOADER_METADATA, type Uploader } from '../schemas/uploader.js';
import type { UnitRegistry } from '../units/registry.js';
import { checkReport, checkUnit, unitLabel } from './rules.js';
import { parseUploadKey, UNRESOLVED_ROUND, UNRESOLVED_UNIT } from './upload-key.js';
import { checkUploader, jsonReportProblem } from './uploader-rules.js';

/** One uploaded object as an S3 event names it (key already decoded). */
export interface ObjectRef {
  bucket: string;
  key: string;
  size: number;
  versionId: string | null;
  eTag: string | null;
  sequencer: string | null;
  /** When S3 accepted the upload. */
  eventTime: string;
}

export type IngestStage = 'read' | 'decode' | 'parse' | 'validate' | 'store';

export interface IngestDeps {
  objects: ObjectStore;
  submissions: SubmissionStore;
  registry: UnitRegistry;
  now?: () => Date;
  /** The province's rounds, to place a file sent to the "_" round folder. */
  rounds?: (provinceCode: string) => Promise<Round[]>;
  /** Told how long each stage took (for metrics and the benchmark). */
  onStage?: (stage: IngestStage, ms: number) => void;
}

// Reports can be large; what the table keeps of each section's text is capped so that an item
// stays far below DynamoDB's 400 KB. The original file stays in S3.
const MAX_SECTION_CHARS = 12_000;

function trimForStorage(report: Report): Report {
  return {
    ...report,
    sections: report.sections.map((s) =>
      s.text.length > MAX_SECTION_CHARS
        ? { ...s, text: `${s.text.slice(0, MAX_SECTION_CHARS)} …` }
        : s,
    ),
  };
}

function submissionId(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

/**
 * Reads, checks and records one uploaded file. Permanent problems (bad place, unknown unit,
 * unreadable file) become a `rejected` or `needs_review` submission, never an exception;
 * transient ones (S3 or DynamoDB unavailable, throttled) throw, so that the queue retries.
 */
export async function ingestObject(ref: ObjectRef, deps: IngestDeps): Promise<RecordResult> {
  const now = deps.now?.() ?? new Date();
  let mark = performance.now();
  const lap = (stage: IngestStage) => {
    const t = performance.now();
    deps.onStage?.(stage, t - mark);
    mark = t;
  };
  const diagnostics: Diagnostic[] = [];
  const layout = parseUploadKey(ref.key);
  const fileName = layout.ok ? layout.key.fileName : (layout.partial.fileName ?? ref.key);
  const base = {
    diagnostics,
    file: {
      bucket: ref.bucket,
      key: ref.key,
      versionId: ref.versionId,
      name: fileName,
      size: ref.size,
      sha256: null as string | null,
      format: formatOf(fileName),
    },
    uploadedAt: ref.eventTime,
    processedAt: now.toISOString(),
  };
  const record = (
    provinceCode: string,
    roundId: string,
    unitCode: string,
    status: SubmissionStatus,
    report: Report | null,
    identity: string,
  ) => {
    const s: NewSubmission = {
      ...base,
      ...(uploadedBy ? { uploadedBy } : {}),
      submissionId: submissionId([provinceCode, roundId, unitCode, identity]),
      provinceCode,
      roundId,
      unitCode,
      status,
      report: report && trimForStorage(report),
    };
    lap('validate');
    return deps.submissions.record(s).finally(() => lap('store'));
  };
  let uploadedBy: Uploader | undefined;
  const objectIdentity = `${ref.key}\u0000${ref.versionId ?? ref.eTag ?? ref.sequencer ?? ''}`;

  if (!layout.ok) {
    diagnostics.push(diag.error('key', layout.message, 'key.layout'));
    return record(
      layout.partial.provinceCode ?? UNRESOLVED_UNIT,
      layout.partial.roundId ?? UNRESOLVED_ROUND,
      layout.partial.unitCode ?? UNRESOLVED_UNIT,
      'rejected',
      null,
      objectIdentity,
    );
  }
  const { provinceCode } = layout.key;
  let roundId = layout.key.roundId;
  let unitCode = layout.key.unitCode;

  let unit = null;
  if (unitCode !== UNRESOLVED_UNIT) {
    const checked = checkUnit(unitCode, provinceCode, deps.registry);
    if ('problem' in checked) {
      diagnostics.push(checked.problem);
      return record(provinceCode, roundId, unitCode, 'rejected', null, objectIdentity);
    }
    unit = checked.unit;
  }

  try {
    checkSize(ref.size);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    diagnostics.push(e.diagnostic);
    return record(provinceCode, roundId, unitCode, e.status, null, objectIdentity);
  }

  const { bytes, versionId, metadata } = await deps.objects.get(ref.key, ref.versionId);
  base.file.versionId = versionId ?? ref.versionId;
  base.file.size = bytes.length;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  base.file.sha256 = sha256;
  lap('read');
  const allowed = checkUploader(metadata?.[UPLOADER_METADATA], { provinceCode, unitCode });
  if (!allowed.ok) {
    diagnostics.push(allowed.problem);
    return record(provinceCode, roundId, unitCode, 'rejected', null, sha256);
  }
  uploadedBy = allowed.uploader;

  let report: Report;
  try {
    const content = await readFileContent(fileName, bytes);
    lap('decode');
    const notAllowed = content.kind === 'report' ? jsonReportProblem(uploadedBy) : null;
    if (notAllowed) {
      diagnostics.push(notAllowed);
      return record(provinceCode, roundId, unitCode, 'rejected', null, sha256);
    }
    report =
      content.kind === 'report'
        ? content.report
        : readReport(content.text, { registry: deps.registry, provinceCode });
    lap('parse');
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    diagnostics.push(e.diagnostic);
    return record(provinceCode, roundId, unitCode, e.status, null, sha256);
  }
  diagnostics.push(...report.diagnostics);

  if (roundId === UNRESOLVED_ROUND) {
    const round = roundForReport(report, (await deps.rounds?.(provinceCode)) ?? []);
    if (!round) {
      diagnostics.push(
        diag.error(
          'requestedBy',
          'Không xác định được kỳ báo cáo: văn bản không dẫn công văn yêu cầu của kỳ báo cáo nào; vui lòng nộp vào thư mục kỳ báo cáo (ví dụ 2026-H1).',
          'round.unresolved',
        ),
      );
      return record(provinceCode, roundId, unitCode, 'rejected', report, sha256);
    }
    roundId = round.roundId;
  }

  if (!unit) {
    // Sent without a unit folder: the document's own header must name a unit of this province.
    const named = report.issuer.code ? deps.registry.byCode(report.issuer.code) : undefined;
    if (!named) {
      diagnostics.push(
        diag.error(
          'issuer',
          'Không xác định được đơn vị gửi báo cáo từ văn bản; vui lòng nộp vào thư mục mã đơn vị.',
          'unit.unresolved',
        ),
      );
      return record(provinceCode, roundId, UNRESOLVED_UNIT, 'rejected', report, sha256);
    }
    if (named.provinceCode !== provinceCode) {
      const here = deps.registry.province(provinceCode)?.name ?? provinceCode;
      diagnostics.push(
        diag.error(
          'issuer',
          `Văn bản của ${unitLabel(named)} (tỉnh ${named.provinceName}), không thuộc tỉnh ${here}; vui lòng gửi đến Sở KHCN tỉnh ${named.provinceName}.`,
          'unit.otherProvince',
        ),
      );
      return record(provinceCode, roundId, UNRESOLVED_UNIT, 'rejected', report, sha256);
    }
    unit = named;
    unitCode = named.code;
  }

  const checked = checkReport(report, unit, new Date(ref.eventTime), deps.registry);
  diagnostics.push(...checked.diagnostics);
  return record(provinceCode, roundId, unitCode, checked.status, report, sha256);
}
