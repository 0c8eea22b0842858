import { createHash } from 'node:crypto';
import { FileProblem } from '../files/file-problem.js';
import { checkSize, formatOf, NEEDS_OCR } from '../files/read-file.js';
import { shownFileName } from '../files/shown-name.js';
import { cropPrefix, keepFigureCrops } from '../ocr/figure-crops.js';
import { reportOf } from '../ocr/read-document.js';
import { readUpload } from '../ocr/read-upload.js';
import { refuseTextless } from '../ocr/textless.js';
import type { ObjectStore } from '../ports/object-store.js';
import type { OcrEngine } from '../ports/ocr-engine.js';
import type { NewSubmission, RecordResult, SubmissionStore } from '../ports/submission-store.js';
import { ictDate } from '../rounds/deadline.js';
import { roundForReport } from '../rounds/round-for-report.js';
import { checkRound, roundIn } from '../rounds/round-period.js';
import { type Diagnostic, diag } from '../schemas/diagnostic.js';
import type { ObjectRef } from '../schemas/object-ref.js';
import type { Report } from '../schemas/report.js';
import type { Round } from '../schemas/round.js';
import type { Submission, SubmissionStatus } from '../schemas/submission.js';
import type { Unit } from '../schemas/unit.js';
import { UPLOADER_METADATA, type Uploader } from '../schemas/uploader.js';
import type { UnitRegistry } from '../units/registry.js';
import { unitLabel } from '../vocabulary/unit-names.js';
import { describeFault, isTransientFault } from './fault.js';
import { OCR_PENDING_MESSAGE, type OcrQueue } from './ocr-handoff.js';
import { checkReport, checkUnit } from './rules.js';
import { checkSignatures } from './signature-rules.js';
import { boundDiagnostics, boundReport } from './storage-bounds.js';
import { parseUploadKey, UNRESOLVED_ROUND, UNRESOLVED_UNIT, type UploadKey } from './upload-key.js';
import { checkUploader, jsonReportProblem } from './uploader-rules.js';

export type { ObjectRef };

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
  /** Told of every failure recorded instead of retried (for the logs). */
  onFault?: (error: unknown) => void;
  /** Reads scans and photos in this process (the OCR function; the embedded stack). */
  ocr?: OcrEngine;
  /** Without `ocr`: where a scan goes to be read; it is recorded `ocr_pending` meanwhile. */
  ocrQueue?: OcrQueue<ObjectRef>;
  /** This run reads a file recorded `ocr_pending` by an earlier one (the OCR function). */
  settlesPending?: boolean;
  /** The province's trust list (certificates, DER) that signatures are chained to; none without. */
  trustList?: (provinceCode: string) => Promise<readonly Uint8Array[]>;
}

/** Where a file belongs and what became of it: everything a submission needs besides the file. */
interface Outcome {
  provinceCode: string;
  roundId: string;
  unitCode: string;
  status: SubmissionStatus;
  report: Report | null;
  diagnostics: Diagnostic[];
}

/** The upload being ingested; `file` is completed as the object is read. */
interface Upload {
  ref: ObjectRef;
  layout: ReturnType<typeof parseUploadKey>;
  file: Submission['file'];
  /** Names this upload (object version) and nothing else: a redelivered event is one submission. */
  identity: string;
  /** Who uploaded it through the portal (its object metadata), once read. */
  uploadedBy?: Uploader;
}

function describeUpload(ref: ObjectRef): Upload {
  const layout = parseUploadKey(ref.key);
  const name = shownFileName(
    layout.ok ? layout.key.fileName : (layout.partial.fileName ?? ref.key),
  );
  return {
    ref,
    layout,
    file: {
      bucket: ref.bucket,
      key: ref.key,
      versionId: ref.versionId,
      name,
      size: ref.size,
      sha256: null,
      format: formatOf(name),
    },
    identity: [ref.key, ref.versionId ?? '', ref.eTag ?? '', ref.sequencer ?? ''].join('\u0000'),
  };
}

function stageClock(onStage: IngestDeps['onStage']) {
  let mark = performance.now();
  return (stage: IngestStage) => {
    const t = performance.now();
    onStage?.(stage, t - mark);
    mark = t;
  };
}

/** Where the path puts the file, as far as it can be read: used by every early ending. */
function placeOf(upload: Upload): Pick<Outcome, 'provinceCode' | 'roundId' | 'unitCode'> {
  const k: Partial<UploadKey> = upload.layout.ok ? upload.layout.key : upload.layout.partial;
  return {
    provinceCode: k.provinceCode ?? UNRESOLVED_UNIT,
    roundId: k.roundId ?? UNRESOLVED_ROUND,
    unitCode: k.unitCode ?? UNRESOLVED_UNIT,
  };
}

const ending = (
  upload: Upload,
  status: SubmissionStatus,
  diagnostics: Diagnostic[],
  report: Report | null = null,
): Outcome => ({ ...placeOf(upload), status, report, diagnostics });

/**
 * Reads, checks and records one uploaded file. Every failure that would fail again (bad place,
 * unknown unit, unreadable file, and any unexpected error of reading or storing) becomes a
 * `rejected` or `needs_review` submission with a Vietnamese diagnostic; only transient faults
 * (throttling, timeouts, server errors, network) throw, so that the queue retries them.
 */
export async function ingestObject(ref: ObjectRef, deps: IngestDeps): Promise<RecordResult> {
  const lap = stageClock(deps.onStage);
  const upload = describeUpload(ref);
  let outcome: Outcome;
  try {
    outcome = await assess(upload, deps, lap);
  } catch (e) {
    if (isTransientFault(e)) throw e;
    deps.onFault?.(e);
    outcome = ending(upload, 'needs_review', [unexpectedFault(e)]);
  }
  lap('validate');
  try {
    return await store(upload, outcome, deps);
  } finally {
    lap('store');
  }
}

/**
 * Records an upload that could not be processed after all its retries (the queue's last receive),
 * so that the unit is not counted as missing: a submission of its own, separate from the one a
 * later redrive may still create. A scan waiting for OCR (`settlesPending`) is already recorded:
 * its waiting record is settled as `needs_review` instead, so that it does not wait for ever.
 */
export function recordUnprocessed(
  ref: ObjectRef,
  deps: IngestDeps,
  error: unknown,
  attempts: number,
): Promise<RecordResult> {
  const upload = describeUpload(ref);
  if (!deps.settlesPending) upload.identity += '\u0000unprocessed';
  const cause = describeFault(error).slice(0, 120);
  const message = deps.settlesPending
    ? `Hệ thống chưa nhận dạng được bản quét sau ${attempts} lần thử do sự cố tạm thời (${cause}). ` +
      'Tệp gốc vẫn được lưu; đơn vị không cần gửi lại, cán bộ Sở KHCN sẽ xem lại bản quét.'
    : `Hệ thống chưa xử lý được tệp sau ${attempts} lần thử do sự cố tạm thời (${cause}). Tệp gốc ` +
      'vẫn được lưu; đơn vị không cần gửi lại, Sở KHCN sẽ cho xử lý lại (tonghop dlq redrive).';
  const outcome = ending(upload, 'needs_review', [
    diag.error('file', message, 'ingest.retriesExhausted'),
  ]);
  return store(upload, outcome, deps);
}

function unexpectedFault(e: unknown): Diagnostic {
  return diag.error(
    'file',
    `Hệ thống gặp lỗi khi đọc tệp này (${describeFault(e).slice(0, 120)}). ` +
      `Tệp gốc vẫn được lưu; cán bộ Sở KHCN sẽ xem lại, đơn vị chưa cần gửi lại.`,
    'ingest.unexpected',
  );
}

function submissionOf(upload: Upload, outcome: Outcome, deps: IngestDeps): NewSubmission {
  const { provinceCode, roundId, unitCode } = outcome;
  return {
    ...(upload.uploadedBy ? { uploadedBy: upload.uploadedBy } : {}),
    submissionId: createHash('sha256')
      .update([provinceCode, roundId, unitCode, upload.identity].join('\u0000'))
      .digest('hex')
      .slice(0, 24),
    provinceCode,
    roundId,
    unitCode,
    status: outcome.status,
    diagnostics: boundDiagnostics(outcome.diagnostics),
    file: upload.file,
    uploadedAt: upload.ref.eventTime,
    processedAt: (deps.now?.() ?? new Date()).toISOString(),
    report: outcome.report,
  };
}

/** Bounds what the table keeps; a store failure that will not pass on retry is recorded too. */
async function store(upload: Upload, outcome: Outcome, deps: IngestDeps): Promise<RecordResult> {
  const bounded = boundReport(outcome.report);
  const kept: Outcome = {
    ...outcome,
    report: bounded.report,
    diagnostics: [...outcome.diagnostics, ...bounded.diagnostics],
    status:
      bounded.diagnostics.length && outcome.status === 'accepted' ? 'needs_review' : outcome.status,
  };
  try {
    const result = await deps.submissions.record(submissionOf(upload, kept, deps));
    if (deps.settlesPending) await settleMovedPending(upload, kept, deps);
    return result;
  } catch (e) {
    if (isTransientFault(e)) throw e;
    deps.onFault?.(e);
    const bare = { ...kept, status: 'needs_review' as const, report: null };
    bare.diagnostics = [...kept.diagnostics, unexpectedFault(e)];
    return deps.submissions.record(submissionOf(upload, bare, deps));
  }
}

/**
 * A scan sent to a "_" folder waited as `ocr_pending` under that folder; once OCR found its unit
 * or round it is recorded there, and the waiting record is settled with a pointer to it.
 */
async function settleMovedPending(upload: Upload, outcome: Outcome, deps: IngestDeps) {
  const waiting = placeOf(upload);
  if (waiting.roundId === outcome.roundId && waiting.unitCode === outcome.unitCode) return;
  const where = `đơn vị ${outcome.unitCode}, kỳ ${outcome.roundId}`;
  const note = diag.warning(
    'file',
    `Bản quét đã được đọc và ghi nhận cho ${where}.`,
    'ocr.recordedAs',
  );
  const settled = { ...waiting, status: outcome.status, report: null, diagnostics: [note] };
  await deps.submissions.record(submissionOf(upload, settled, deps));
}

/** The stages of one upload; FileProblem and the business rules end it early as an Outcome. */
async function assess(
  upload: Upload,
  deps: IngestDeps,
  lap: (s: IngestStage) => void,
): Promise<Outcome> {
  const { layout } = upload;
  if (!layout.ok)
    return ending(upload, 'rejected', [diag.error('key', layout.message, 'key.layout')]);
  let unit: Unit | null = null;
  if (layout.key.unitCode !== UNRESOLVED_UNIT) {
    const checked = checkUnit(layout.key.unitCode, layout.key.provinceCode, deps.registry);
    if ('problem' in checked) return ending(upload, 'rejected', [checked.problem]);
    unit = checked.unit;
  }
  let report: Report;
  try {
    checkSize(upload.ref.size);
    const { bytes, metadata } = await readObject(upload, deps);
    lap('read');
    const allowed = checkUploader(metadata?.[UPLOADER_METADATA], layout.key);
    if (!allowed.ok) return ending(upload, 'rejected', [allowed.problem]);
    upload.uploadedBy = allowed.uploader;
    const folder = { provinceCode: layout.key.provinceCode, unitCode: unit?.code ?? null };
    report = await readContent(upload, bytes, folder, deps, lap);
  } catch (e) {
    if (!(e instanceof FileProblem)) throw e;
    if (e.diagnostic.code === NEEDS_OCR && deps.ocrQueue) {
      // Queued before it is recorded: a crash in between retries both, never leaves a scan unread.
      await deps.ocrQueue.send(upload.ref);
      return ending(upload, 'ocr_pending', [
        diag.warning('file', OCR_PENDING_MESSAGE, 'ocr.pending'),
      ]);
    }
    return ending(upload, e.status, [e.diagnostic]);
  }
  return place(upload, report, unit, deps);
}

async function readObject(upload: Upload, deps: IngestDeps) {
  const { bytes, versionId, metadata } = await deps.objects.get(
    upload.ref.key,
    upload.ref.versionId,
  );
  upload.file.versionId = versionId ?? upload.ref.versionId;
  upload.file.size = bytes.length;
  upload.file.sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, metadata };
}

/** Decoding and reading; throws FileProblem for a file that cannot be read. */
async function readContent(
  upload: Upload,
  bytes: Uint8Array,
  folder: { provinceCode: string; unitCode: string | null },
  deps: IngestDeps,
  lap: (s: IngestStage) => void,
): Promise<Report> {
  const { provinceCode, unitCode } = folder;
  const trust = (await deps.trustList?.(provinceCode)) ?? [];
  const content = refuseTextless(await readUpload(upload.file.name, bytes, deps.ocr, { trust }));
  lap('decode');
  const notAllowed = content.kind === 'report' ? jsonReportProblem(upload.uploadedBy) : null;
  if (notAllowed) throw new FileProblem('rejected', notAllowed, 'json report from a commune');
  // A date read from a scan that lies after the day S3 took the upload is not the document's own.
  const receivedOn = ictDate(new Date(upload.ref.eventTime));
  // The folder's unit tells apart units of one name; the text may not overrule it unnoticed.
  const context = { registry: deps.registry, provinceCode, unitCode, receivedOn };
  const read = reportOf(content, context);
  const scan = content.kind === 'text' ? content.scan : undefined;
  const folderUnit = upload.layout.ok ? upload.layout.key.unitCode : UNRESOLVED_UNIT;
  const prefix = cropPrefix(provinceCode, folderUnit, upload.file.sha256 ?? 'unknown');
  const report = await keepFigureCrops(read, scan, prefix, deps.objects);
  lap('parse');
  return report;
}

/** Round and unit of a readable report, then the business rules. */
async function place(
  upload: Upload,
  report: Report,
  pathUnit: Unit | null,
  deps: IngestDeps,
): Promise<Outcome> {
  const provinceCode = (upload.layout.ok && upload.layout.key.provinceCode) || UNRESOLVED_UNIT;
  const diagnostics = [...report.diagnostics];
  const here = { ...placeOf(upload), report, diagnostics };
  const rounds = (await deps.rounds?.(provinceCode)) ?? [];
  if (here.roundId === UNRESOLVED_ROUND) {
    const round = roundForReport(report, rounds);
    if (!round) {
      const message =
        'Không xác định được kỳ báo cáo: văn bản không dẫn công văn yêu cầu của ' +
        'kỳ báo cáo nào; vui lòng nộp vào thư mục kỳ báo cáo (ví dụ 2026-H1).';
      diagnostics.push(diag.error('requestedBy', message, 'round.unresolved'));
      return { ...here, status: 'rejected' };
    }
    here.roundId = round.roundId;
  }
  const unit = pathUnit ?? unitFromHeader(report, provinceCode, deps.registry, diagnostics);
  if (!unit) return { ...here, unitCode: UNRESOLVED_UNIT, status: 'rejected' };
  const form = formatOf(upload.file.name) === 'xlsx';
  const checked = checkReport(report, unit, new Date(upload.ref.eventTime), deps.registry, {
    form,
  });
  const round = roundIn(rounds, provinceCode, here.roundId);
  const period = round ? checkRound(report, round, rounds) : null;
  // The wrong period is the decisive reason: it leads, and the report waits for the desk.
  if (period) diagnostics.unshift(period);
  const signed = checkSignatures(report, unit, deps.registry);
  diagnostics.push(...checked.diagnostics, ...signed.diagnostics);
  const held =
    period?.level === 'error' || (signed.review && checked.status === 'accepted')
      ? 'needs_review'
      : checked.status;
  return { ...here, unitCode: unit.code, status: held };
}

/** Sent without a unit folder: the document's own header must name a unit of this province. */
function unitFromHeader(
  report: Report,
  provinceCode: string,
  registry: UnitRegistry,
  diagnostics: Diagnostic[],
): Unit | null {
  const named = report.issuer.code ? registry.byCode(report.issuer.code) : undefined;
  if (!named) {
    diagnostics.push(
      diag.error(
        'issuer',
        'Không xác định được đơn vị gửi báo cáo từ văn bản; ' +
          'vui lòng nộp vào thư mục mã đơn vị.',
        'unit.unresolved',
      ),
    );
    return null;
  }
  if (named.provinceCode !== provinceCode) {
    const here = registry.province(provinceCode)?.name ?? provinceCode;
    diagnostics.push(
      diag.error(
        'issuer',
        `Văn bản của ${unitLabel(named)} (tỉnh ${named.provinceName}), không thuộc ` +
          `tỉnh ${here}; vui lòng gửi đến Sở KHCN tỉnh ${named.provinceName}.`,
        'unit.otherProvince',
      ),
    );
    return null;
  }
  return named;
}
