import * as z from 'zod';

/** One finding about a document or a submission: the field it concerns and a message for people. */
export const Diagnostic = z.object({
  level: z.enum(['error', 'warning']),
  field: z.string(),
  /** Vietnamese, for the commune officer and the Department. */
  message: z.string(),
  /** Stable machine code, e.g. `unit.mismatch`; optional for backwards compatibility. */
  code: z.string().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const diag = {
  error: (field: string, message: string, code?: string): Diagnostic => ({
    level: 'error',
    field,
    message,
    ...(code ? { code } : {}),
  }),
  warning: (field: string, message: string, code?: string): Diagnostic => ({
    level: 'warning',
    field,
    message,
    ...(code ? { code } : {}),
  }),
};
