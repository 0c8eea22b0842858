/** Where uploaded files live (S3 on AWS and on the embedded stack). */
export interface ObjectStore {
  get(
    key: string,
    versionId?: string | null,
  ): Promise<{
    bytes: Uint8Array;
    versionId: string | null;
    /** User metadata (x-amz-meta-*, names without the prefix, lower case). */
    metadata?: Record<string, string>;
  }>;
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<{ versionId: string | null }>;
  /** The current object's entity tag (MD5 of a single-part upload) and version, or null. */
  head(key: string): Promise<{ eTag: string | null; versionId: string | null } | null>;
  /** The objects under a prefix (their newest versions), in key order. */
  list(prefix: string): Promise<Array<{ key: string; size: number; lastModified: string | null }>>;
  /**
   * A time-limited download address (S3 pre-signed GET) for someone without credentials. It stops
   * working at `expiresAt`: the lifetime asked for, or sooner if the credentials that signed it
   * expire first (a Lambda role's session lasts hours, not days).
   */
  link(
    key: string,
    opts: {
      versionId?: string | null;
      expiresInSeconds: number;
      fileName?: string;
      /** Shown in the browser rather than saved: the content type to serve it as. */
      inline?: string;
    },
  ): Promise<{ url: string; expiresAt: Date }>;
}
