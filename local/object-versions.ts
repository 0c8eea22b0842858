import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newVersionId, VERSION_METADATA } from '../adapters/s3-object-store.js';
import { unsafeKeyReason } from '../shared/ingest/key-safety.js';

// s3rver keeps no versions: a second upload to a key overwrites the first. The embedded stack
// keeps each stored object's bytes under <prefix><versionId>/<key> (what S3ObjectStore reads when
// asked for a version), so that "the earlier version is kept" holds locally as on AWS.

export const LOCAL_VERSIONS_PREFIX = 'versions/';

const RESOURCES = ['object', 'metadata.json', 'object.md5'];

/** s3rver's file for one resource of an object (its FilesystemStore layout on POSIX). */
function resourcePath(root: string, bucket: string, key: string, resource: string): string {
  const unsafe = unsafeKeyReason(key);
  if (unsafe) throw new Error(`${unsafe}: ${JSON.stringify(key)}`);
  const parts = key.split('/');
  const name = parts.pop() ?? '';
  return join(root, bucket, ...parts, `${name}._S3rver_${resource}`);
}

/**
 * Copies the object just stored to its version's key and returns the version id: the one the
 * uploader named in the metadata (S3ObjectStore.put), or a new one for other clients. Runs
 * synchronously inside s3rver's event, before the upload's response, so that no later upload
 * to the same key can come between.
 */
export function keepVersion(root: string, bucket: string, key: string): string | null {
  const metadataFile = resourcePath(root, bucket, key, 'metadata.json');
  if (!existsSync(metadataFile)) return null;
  const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, string>;
  const versionId = metadata[`x-amz-meta-${VERSION_METADATA}`] ?? newVersionId();
  const archived = `${LOCAL_VERSIONS_PREFIX}${versionId}/${key}`;
  for (const resource of RESOURCES) {
    const from = resourcePath(root, bucket, key, resource);
    if (!existsSync(from)) continue;
    const to = resourcePath(root, bucket, archived, resource);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return versionId;
}
