/** Where uploaded files live (S3 on AWS and on the embedded stack). */
export interface ObjectStore {
  get(key: string, versionId?: string | null): Promise<{ bytes: Uint8Array; versionId: string | null }>;
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<{ versionId: string | null }>;
}
