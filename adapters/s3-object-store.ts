import { randomUUID } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStore } from '../shared/ports/object-store.js';

/** Object metadata naming an emulated version (x-amz-meta-tonghop-version). */
export const VERSION_METADATA = 'tonghop-version';

/** A time-ordered id, as S3's own version ids sort by time. */
export const newVersionId = () => `${Date.now().toString(36).padStart(9, '0')}.${randomUUID()}`;

/**
 * S3 on AWS (a versioned bucket) and on the embedded stack. s3rver has no versioning, so there
 * `versionsPrefix` is set (OBJECT_VERSIONS_PREFIX) and versions are emulated: each put names its
 * version in the object's metadata, the stack copies every object it stores to
 * `<versionsPrefix><versionId>/<key>` (local/stack.ts), and a read of a version reads that copy.
 * An earlier upload's bytes therefore stay readable locally as they do on AWS.
 */
export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly versionsPrefix = process.env.OBJECT_VERSIONS_PREFIX || undefined,
  ) {}

  /** The S3 key and version id to ask for. */
  private locate(key: string, versionId?: string | null) {
    if (this.versionsPrefix && versionId)
      return { Key: `${this.versionsPrefix}${versionId}/${key}`, VersionId: undefined };
    return { Key: key, VersionId: versionId ?? undefined };
  }

  async get(key: string, versionId?: string | null) {
    const res = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, ...this.locate(key, versionId) }),
    );
    const bytes = await res.Body!.transformToByteArray();
    const emulated = this.versionsPrefix ? (res.Metadata?.[VERSION_METADATA] ?? null) : null;
    return {
      bytes,
      versionId: res.VersionId ?? emulated ?? versionId ?? null,
      metadata: res.Metadata ?? {},
    };
  }

  async head(key: string) {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const emulated = this.versionsPrefix ? (res.Metadata?.[VERSION_METADATA] ?? null) : null;
      return { eTag: res.ETag?.replace(/"/g, '') ?? null, versionId: res.VersionId ?? emulated };
    } catch (e) {
      if (e instanceof NotFound || (e as { name?: string }).name === 'NotFound') return null;
      throw e;
    }
  }

  async put(key: string, bytes: Uint8Array, contentType?: string) {
    const version = this.versionsPrefix ? newVersionId() : undefined;
    const res = await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        Metadata: version ? { [VERSION_METADATA]: version } : undefined,
      }),
    );
    return { versionId: res.VersionId ?? version ?? null };
  }

  async list(prefix: string) {
    const out: Array<{ key: string; size: number; lastModified: string | null }> = [];
    let token: string | undefined;
    do {
      const res = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of res.Contents ?? [])
        if (o.Key)
          out.push({
            key: o.Key,
            size: o.Size ?? 0,
            lastModified: o.LastModified?.toISOString() ?? null,
          });
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  async link(
    key: string,
    opts: {
      versionId?: string | null;
      expiresInSeconds: number;
      fileName?: string;
      inline?: string;
    },
  ) {
    const disposition = opts.inline
      ? 'inline'
      : opts.fileName
        ? `attachment; filename="${opts.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"`
        : undefined;
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        ...this.locate(key, opts.versionId),
        ResponseContentDisposition: disposition,
        ResponseContentType: opts.inline,
      }),
      { expiresIn: opts.expiresInSeconds },
    );
    const asked = Date.now() + opts.expiresInSeconds * 1000;
    const { expiration } = await this.client.config.credentials();
    return { url, expiresAt: new Date(Math.min(asked, expiration?.getTime() ?? asked)) };
  }
}
