import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { Conditions } from '@aws-sdk/s3-presigned-post/dist-types/types.js';
import { encodeUploader, UPLOADER_METADATA, type Uploader } from '../shared/schemas/uploader.js';
import { S3ObjectStore } from './s3-object-store.js';

const META_FIELD = `x-amz-meta-${UPLOADER_METADATA}`;
/** Long enough for 20 MB over a slow 3G link, short enough not to be worth stealing. */
const UPLOAD_SECONDS = 3600;
const DOWNLOAD_SECONDS = 300;

/**
 * Browser uploads by S3 pre-signed POST. The policy pins the key to one folder (the signed-in
 * unit's, one upload), the size, and the uploader in the object's metadata, which ingest reads
 * to decide whether this person may report for this unit. The content type is not pinned: a
 * POST policy can only test a prefix of it, and ingest judges a file by its name and bytes.
 */
export class S3UploadSigner {
  private readonly objects: S3ObjectStore;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    this.objects = new S3ObjectStore(client, bucket);
  }

  async presign(input: {
    prefix: string;
    uploader: Uploader;
    maxBytes: number;
    redirect?: string;
  }) {
    const uploader = encodeUploader(input.uploader);
    const finish: Record<string, string> = input.redirect
      ? { success_action_redirect: input.redirect }
      : { success_action_status: '201' };
    const conditions: Conditions[] = [
      ['starts-with', '$key', input.prefix],
      // An empty file is taken and recorded as rejected with its reason ("Tệp rỗng"), like any
      // file that cannot be read; refused here it would only get S3's bare 403.
      ['content-length-range', 0, input.maxBytes],
      ['eq', `$${META_FIELD}`, uploader],
      ...Object.entries(finish).map(([k, v]) => ['eq', `$${k}`, v] as Conditions),
    ];
    return createPresignedPost(this.client, {
      Bucket: this.bucket,
      // S3 puts the browser's file name in place of ${filename}.
      Key: `${input.prefix}\${filename}`,
      Conditions: conditions,
      Fields: { [META_FIELD]: uploader, ...finish },
      Expires: UPLOAD_SECONDS,
    });
  }

  async inline(key: string, versionId: string | null, contentType: string): Promise<string> {
    const link = await this.objects.link(key, {
      versionId,
      expiresInSeconds: DOWNLOAD_SECONDS,
      inline: contentType,
    });
    return link.url;
  }

  async download(key: string, versionId: string | null, fileName: string): Promise<string> {
    const link = await this.objects.link(key, {
      versionId,
      expiresInSeconds: DOWNLOAD_SECONDS,
      fileName,
    });
    return link.url;
  }
}
