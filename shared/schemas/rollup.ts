import * as z from 'zod';
import { DocumentType, UnitLevel } from './report.js';

// The consolidated report of one round, for a province or the whole country. Every figure and
// quote carries the id of the submission it came from, described once in `sources`;
// `tonghop rollup --json` prints this object.

export const SourceRef = z.object({
  submissionId: z.string(),
  unitCode: z.string(),
  version: z.number().int().positive(),
  /** The uploaded object's key and, on a versioned bucket, its version. */
  fileKey: z.string(),
  fileVersionId: z.string().nullable(),
  fileName: z.string(),
  uploadedAt: z.string(),
  /** The file's digital signatures in words, one line each (absent when it has none). */
  signatures: z.array(z.string()).optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const UnitState = z.enum([
  'on_time',
  'late',
  'needs_review',
  'rejected',
  'returned',
  'missing',
]);
export type UnitState = z.infer<typeof UnitState>;

const Rate = z.number().min(0).max(1);

export const StatusCounts = z.object({
  expected: z.number().int().nonnegative(),
  /** Units with an accepted report (on time or late). */
  reported: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  needsReview: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Sent back to the unit for correction by the Department: not counted until corrected. */
  returned: z.number().int().nonnegative(),
  /** Of `reported`, how many the Department's staff approved (the rest passed ingest's checks). */
  approvedByStaff: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  /** reported / expected, as DHIS2's reporting rate. */
  reportingRate: Rate,
  /** onTime / expected, as DHIS2's "reporting rate on time". */
  timelinessRate: Rate,
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const UnitStatusRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  level: UnitLevel,
  provinceCode: z.string(),
  state: UnitState,
  /** When the first accepted version arrived (it decides timeliness); else the latest upload. */
  receivedAt: z.string().nullable(),
  versions: z.number().int().nonnegative(),
  /** What is wrong with the latest file, for needs_review, rejected and returned. */
  problems: z.array(z.string()),
  /** Remarks on how the file was read (old font encoding, OCR): for the XLSX and the desk only. */
  notes: z.array(z.string()).optional(),
  /** For a counted report: passed ingest's checks, or approved by the Department's staff. */
  acceptedBy: z.enum(['automatic', 'staff']).nullable().default(null),
  /** The version whose figures the rollup uses (the newest accepted report), or the latest upload. */
  submissionId: z.string().nullable(),
});
export type UnitStatusRow = z.infer<typeof UnitStatusRow>;

/** Why a figure may stand in the signed document, and who said so (absent: read from typed text). */
export const FigureBasis = z.object({
  kind: z.enum(['typed', 'confirmed', 'corrected', 'accepted', 'edited']),
  /** Who confirmed, corrected, accepted or edited it, and when. */
  by: z.string().optional(),
  at: z.string().optional(),
  /** The value as read, when the one used differs (corrected by the unit, edited by the Department). */
  read: z.number().optional(),
  /** Read by OCR from a page image. */
  scanned: z.boolean().optional(),
});
export type FigureBasis = z.infer<typeof FigureBasis>;

export const IndicatorValue = z.object({
  unitCode: z.string(),
  /** Counts as reported; rates in percent, from numerator / denominator when the report gives both. */
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Other figures the same report gave for the indicator (only the first is used). */
  alsoReported: z.array(z.number()),
  line: z.number().int().positive(),
  submissionId: z.string(),
  basis: FigureBasis.optional(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

const Extreme = z.object({ value: z.number(), unitCodes: z.array(z.string()) });

export const IndicatorSummary = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(['rate', 'count']),
  unitsReporting: z.number().int().nonnegative(),
  /** Rates: how many of the reporting units gave the raw figures (numerator and denominator). */
  unitsWithRawFigures: z.number().int().nonnegative(),
  /**
   * Rates: what the headline states. "weighted" (Σ numerators / Σ denominators) only when the
   * units with raw figures are the large majority of those reporting; else "median".
   */
  headline: z.enum(['weighted', 'median']).nullable(),
  /** Counts: the province total. */
  total: z.number().nullable(),
  /** Rates: Σ numerators / Σ denominators over the units that gave both (percent). */
  weighted: z
    .object({
      value: z.number(),
      numerator: z.number(),
      denominator: z.number(),
      units: z.number().int().positive(),
    })
    .nullable(),
  /** The same figure in the previous round of the same kind (a year before), when it was built. */
  previous: z.object({ roundId: z.string(), value: z.number() }).nullable().default(null),
  /** Min, median and max of the units' values, with the units behind each. */
  spread: z.object({ min: Extreme, median: Extreme, max: Extreme }).nullable(),
  values: z.array(IndicatorValue),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const Theme = z.enum([
  'funding',
  'staff',
  'infrastructure',
  'guidance',
  'citizen_skills',
  'other',
]);
export type Theme = z.infer<typeof Theme>;

export const Addressee = z.enum([
  'science_department',
  'finance_department',
  'provincial_committee',
  'central_government',
  'unspecified',
]);
export type Addressee = z.infer<typeof Addressee>;

export const Quote = z.object({
  /** The point as shown: OCR damage repaired, spacing normalised, shortened for a table cell. */
  text: z.string(),
  /** The point exactly as the report gives it. */
  original: z.string(),
  unitCode: z.string(),
  /**
   * The section it was taken from, as its repaired number and kind ("III. Nguyên nhân"): never
   * the heading as OCR read it.
   */
  section: z.string(),
  submissionId: z.string(),
});
export type Quote = z.infer<typeof Quote>;

export const QuoteGroup = z.object({
  title: z.string(),
  /** How many units raise it. */
  units: z.number().int().nonnegative(),
  quotes: z.array(Quote),
});

/** An accepted document that is not a report (a plan, a letter): listed, never counted. */
export const OtherDocument = z.object({
  unitCode: z.string(),
  documentType: DocumentType,
  number: z.string().nullable(),
  title: z.string().nullable(),
  submissionId: z.string(),
});
export type OtherDocument = z.infer<typeof OtherDocument>;

export const Rollup = z.object({
  schemaVersion: z.literal(2),
  /** A province code, or "00" for the whole country. */
  provinceCode: z.string(),
  scopeName: z.string(),
  round: z.object({
    roundId: z.string(),
    title: z.string(),
    deadline: z.string(),
    requests: z.array(z.string()),
  }),
  builtAt: z.string(),
  /** Built before the deadline passed: figures can still change. */
  beforeDeadline: z.boolean(),
  status: StatusCounts.extend({ byLevel: z.array(StatusCounts.extend({ level: UnitLevel })) }),
  units: z.array(UnitStatusRow),
  indicators: z.array(IndicatorSummary),
  difficulties: z.array(QuoteGroup.extend({ theme: Theme })),
  proposals: z.array(QuoteGroup.extend({ theme: Theme })),
  proposalsByAddressee: z.array(QuoteGroup.extend({ addressee: Addressee })),
  otherDocuments: z.array(OtherDocument),
  /** What the Department checked before signing (see shared/rollup/sign-checks.ts). */
  checks: z
    .object({
      /** Items decided on the pre-sign list: accepted, edited, dropped. */
      accepted: z.number().int().nonnegative(),
      edited: z.number().int().nonnegative(),
      dropped: z.number().int().nonnegative(),
      /** Items not decided; figures among them read by OCR and not confirmed are left out. */
      pending: z.number().int().nonnegative(),
      figuresLeftOut: z.number().int().nonnegative(),
      /** Figures confirmed or corrected by their units. */
      confirmedByUnits: z.number().int().nonnegative(),
    })
    .optional(),
  /** Every submission a figure, quote or unit row names, by submission id. */
  sources: z.record(z.string(), SourceRef),
});
export type Rollup = z.infer<typeof Rollup>;
