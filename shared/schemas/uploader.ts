import * as z from 'zod';

/**
 * Who uploaded a file through the portal, as the signed upload policy pinned it into the
 * object's metadata (`x-amz-meta-uploaded-by`). Absent for files written straight into the
 * bucket with AWS credentials (the Department's own tools: the CLI, the console).
 */
export const Uploader = z.object({
  role: z.enum(['commune', 'staff']),
  provinceCode: z.string().regex(/^\d{2}$/),
  unitCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  sub: z.string().min(1),
  email: z.string().optional(),
});
export type Uploader = z.infer<typeof Uploader>;

/** The metadata key S3 stores it under (without x-amz-meta-). */
export const UPLOADER_METADATA = 'uploaded-by';

/** Metadata values travel as HTTP headers: ASCII only, hence a query string. */
export function encodeUploader(u: Uploader): string {
  const p = new URLSearchParams({ role: u.role, province: u.provinceCode, sub: u.sub });
  if (u.unitCode) p.set('unit', u.unitCode);
  if (u.email) p.set('email', u.email);
  return p.toString();
}

/** The uploader a metadata value names, or null when it names nobody valid. */
export function decodeUploader(value: string): Uploader | null {
  const p = new URLSearchParams(value);
  const parsed = Uploader.safeParse({
    role: p.get('role'),
    provinceCode: p.get('province'),
    unitCode: p.get('unit') ?? undefined,
    sub: p.get('sub'),
    email: p.get('email') ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}
