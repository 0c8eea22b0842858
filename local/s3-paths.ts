import { createRequire } from 'node:module';
import { isAbsolute, relative } from 'node:path';
import { unsafeKeyReason } from '../shared/ingest/key-safety.js';

// s3rver maps bucket and key to a file with path.join, which resolves ".." : a key
// "inbox/40/R/A/id/../../B/x" would be written into B's folder, and enough "../" out of the
// home. Every path its store makes passes here: a bucket must be a bucket name, a key must be
// safe (shared/ingest/key-safety.ts), and the resolved file must lie inside the bucket folder.

const require = createRequire(import.meta.url);
const s3rverRequire = createRequire(require.resolve('s3rver'));
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

interface Store {
  rootDirectory: string;
  getBucketPath(bucket: string): string;
  getResourcePath(bucket: string, key?: string, resource?: string): string;
  listObjects(bucket: string, options: { prefix?: string }): Promise<unknown>;
}

type S3ErrorClass = new (code: string, message: string) => Error;

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

let installed = false;

/** Wraps s3rver's filesystem store so that no bucket, key or prefix leaves its bucket folder. */
export function installPathGuard(): void {
  if (installed) return;
  installed = true;
  const FilesystemStore = s3rverRequire('./stores/filesystem') as { prototype: Store };
  const S3Error = s3rverRequire('./models/error') as S3ErrorClass;
  const refuse = (why: string) => new S3Error('InvalidArgument', `Invalid object key: ${why}`);
  const proto = FilesystemStore.prototype;
  const bucketPath = proto.getBucketPath;
  const resourcePath = proto.getResourcePath;
  const listObjects = proto.listObjects;
  proto.getBucketPath = function (this: Store, bucket) {
    if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) throw refuse('bucket name');
    return bucketPath.call(this, bucket);
  };
  proto.getResourcePath = function (this: Store, bucket, key = '', resource) {
    const folder = this.getBucketPath(bucket);
    const why = key === '' ? null : unsafeKeyReason(key);
    if (why) throw refuse(why);
    const path = resourcePath.call(this, bucket, key, resource);
    if (!inside(folder, path)) throw refuse('path outside the bucket');
    return path;
  };
  proto.listObjects = function (this: Store, bucket, options) {
    const why = options?.prefix ? unsafeKeyReason(options.prefix) : null;
    if (why) return Promise.reject(refuse(why));
    return listObjects.call(this, bucket, options);
  };
}
