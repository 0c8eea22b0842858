import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStore } from '../shared/ports/object-store.js';

export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async get(key: string, versionId?: string | null) {
    const res = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId ?? undefined }),
    );
    const bytes = await res.Body!.transformToByteArray();
    return { bytes, versionId: res.VersionId ?? null, metadata: res.Metadata ?? {} };
  }

  async put(key: string, bytes: Uint8Array, contentType?: string) {
    const res = await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
      }),
    );
    return { versionId: res.VersionId ?? null };
  }

  async link(
    key: string,
    opts: { versionId?: string | null; expiresInSeconds: number; fileName?: string },
  ) {
    const disposition = opts.fileName
      ? `attachment; filename="${opts.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"`
      : undefined;
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        VersionId: opts.versionId ?? undefined,
        ResponseContentDisposition: disposition,
      }),
      { expiresIn: opts.expiresInSeconds },
    );
    const asked = Date.now() + opts.expiresInSeconds * 1000;
    const { expiration } = await this.client.config.credentials();
    return { url, expiresAt: new Date(Math.min(asked, expiration?.getTime() ?? asked)) };
  }
}
