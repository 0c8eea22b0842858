import * as z from 'zod';
import { Diagnostic } from './diagnostic.js';
import { ReportPeriod } from './period.js';
import { Signature } from './signature.js';

// The structured reading of one commune report. The field names and meanings are the public
// contract of `tonghop parse --json`; everything the text does not support is null.

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const UnitLevel = z.enum(['xa', 'phuong', 'dac_khu']);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const DocumentType = z.enum(['BAO_CAO', 'KE_HOACH', 'CONG_VAN', 'OTHER']);
export type DocumentType = z.infer<typeof DocumentType>;

export const SectionKind = z.enum([
  'results',
  'difficulties',
  'causes',
  'proposals',
  'plan',
  'objectives',
  'organization',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const DocumentRef = z.object({
  number: z.string(),
  issuedOn: IsoDate.nullable(),
  kind: z.string().nullable(),
  issuer: z.string().nullable(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

export const Section = z.object({
  heading: z.string(),
  kind: SectionKind,
  /** The section's text, kept for the rollup's quotes. */
  text: z.string(),
  /** The heading and text as read, when word repair changed them (see shared/text/words). */
  headingOriginal: z.string().optional(),
  textOriginal: z.string().optional(),
});
export type Section = z.infer<typeof Section>;

export const Indicator = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Canonical key from the indicator catalogue, null when the figure matches none. */
  key: z.string().nullable(),
  /** 1-based line of the text where the figure stands. */
  line: z.number().int().positive(),
  /** Page of the uploaded file, and the figure's line on the page image (pixels) when read by OCR. */
  page: z.number().int().positive().optional(),
  box: z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }).optional(),
  /** Storage key of the picture of the figure's line on the page image (PNG), when one was kept. */
  crop: z.string().max(300).optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Report = z.object({
  documentType: DocumentType,
  number: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  place: z.string().nullable(),
  issuer: z.object({
    level: UnitLevel.nullable(),
    name: z.string().nullable(),
    /** Official unit code when the name resolved in the unit registry. */
    code: z.string().nullable(),
  }),
  province: z.string().nullable(),
  provinceCode: z.string().nullable(),
  title: z.string().nullable(),
  /** The title as read, when word repair changed it. */
  titleOriginal: z.string().optional(),
  recipients: z.array(z.string()),
  requestedBy: z.array(DocumentRef),
  basedOn: z.array(DocumentRef),
  signer: z.object({
    name: z.string().nullable(),
    title: z.string().nullable(),
    /** The name as read, when word repair changed it. */
    nameOriginal: z.string().optional(),
  }),
  distribution: z.array(z.string()),
  sections: z.array(Section),
  indicators: z.array(Indicator),
  encoding: z.enum(['unicode', 'tcvn3', 'vni', 'cp1258']),
  /**
   * The file's digital signatures as verified on reading (empty when it has none). Never taken
   * from a .json upload: only what was verified is reported. Absent in reports stored before.
   */
  signatures: z.array(Signature).optional(),
  diagnostics: z.array(Diagnostic),
  /** The period the report covers (title, request clause or closing); null when none is stated. */
  period: ReportPeriod.nullable().optional(),
});
export type Report = z.infer<typeof Report>;
