/** Where uploaded files live (S3 on AWS and on the embedded stack). */
export interface ObjectStore {
  get(key: string, versionId?: string | null): Promise<{ bytes: Uint8Array; versionId: string | null }>;
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<{ versionId: string | null }>;
  /** A time-limited download address (S3 pre-signed GET) for someone without credentials. */
  link(key: string, opts: { versionId?: string | null; expiresInSeconds: number; fileName?: string }): Promise<string>;
}
