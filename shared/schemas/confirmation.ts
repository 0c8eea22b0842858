import * as z from 'zod';

// What the people who know the truth said about the figures tonghop read: the commune that wrote
// the report (its confirmation, a pre-filled e-form in the direction of Nghị định 09/2019), and the
// Department's officer before signing (the pre-sign check). Each is a statement kept beside the
// reading, with who and when; the stored file and its reading are never changed.

const By = z.object({ sub: z.string().min(1), email: z.string() });
const At = z.string().datetime({ offset: true });

/** The longest text a person may type into a statement (a quote, a reason). */
export const MAX_STATEMENT_CHARS = 2000;

/** One figure as read: enough to show it beside what the unit stated. */
export const FigureReading = z.object({
  value: z.number(),
  unit: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type FigureReading = z.infer<typeof FigureReading>;

/** The unit's word on one figure it will be counted for. */
export const FigureStatement = z.object({
  /** Which figure of the submission (see figureId in shared/rollup/figure-ids.ts). */
  figure: z.string().min(1).max(120),
  key: z.string(),
  line: z.number().int().positive(),
  label: z.string().max(300),
  read: FigureReading,
  decision: z.enum(['confirmed', 'corrected', 'not_indicator']),
  /** `corrected`: the value the unit states (a rate from its fraction when it gives one). */
  stated: z
    .object({
      value: z.number().finite(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
    })
    .optional(),
});
export type FigureStatement = z.infer<typeof FigureStatement>;

/** A unit's confirmation of one submission's figures; a later one replaces it. */
export const Confirmation = z.object({
  provinceCode: z.string(),
  roundId: z.string(),
  unitCode: z.string(),
  submissionId: z.string(),
  by: By,
  at: At,
  figures: z.array(FigureStatement).max(500),
});
export type Confirmation = z.infer<typeof Confirmation>;

/** The Department's decision on one doubtful item before signing; a later one replaces it. */
export const SignCheck = z.object({
  provinceCode: z.string(),
  roundId: z.string(),
  /** The item's id on the pre-sign list (see shared/rollup/sign-checks.ts). */
  item: z.string().min(1).max(200),
  by: By,
  at: At,
  decision: z.enum(['accepted', 'edited', 'dropped']),
  /** `edited`: the figure's value, or the quote's text. */
  value: z.number().finite().optional(),
  text: z.string().max(MAX_STATEMENT_CHARS).optional(),
});
export type SignCheck = z.infer<typeof SignCheck>;
