import {
  type IngestDeps,
  ingestObject,
  type ObjectRef,
} from '../../shared/ingest/ingest-object.js';
import { buildUploadKey } from '../../shared/ingest/upload-key.js';
import { registry2025 } from './fixtures.js';
import { MemoryObjects, MemorySubmissions } from './memory-stores.js';

/** When S3 accepted the test uploads, and when ingest reads them an hour later. */
export const UPLOADED_AT = '2026-06-08T02:00:00.000Z';
export const INGESTED_AT = new Date('2026-06-08T03:00:00Z');

const registry = registry2025();

/** The key a unit's upload gets in the inbox (province 40, round 2026-H1 unless given). */
export const inboxKey = (unitCode: string, fileName: string, provinceCode = '40') =>
  buildUploadKey({ provinceCode, roundId: '2026-H1', unitCode, fileName });

export interface MemoryIngest<O extends MemoryObjects = MemoryObjects> {
  objects: O;
  submissions: MemorySubmissions;
  deps(over?: Partial<IngestDeps>): IngestDeps;
  /** The S3 event's reference to an upload at `key` (`size` as the event says). */
  ref(key: string, size: number, over?: Partial<ObjectRef>): ObjectRef;
  /** Stores `bytes` at `key` and ingests it as the S3 event for that upload would. */
  upload(
    key: string,
    bytes: Uint8Array,
    over?: { deps?: Partial<IngestDeps>; ref?: Partial<ObjectRef> },
  ): ReturnType<typeof ingestObject>;
}

/**
 * `ingestObject` over ports in memory, fresh for each test. `versioned`: every upload gets its
 * own version id, as S3 gives one in a versioned bucket; otherwise none, as in an unversioned one.
 */
export function memoryIngest<O extends MemoryObjects = MemoryObjects>(
  opts: { objects?: O; deps?: Partial<IngestDeps>; versioned?: boolean } = {},
): MemoryIngest<O> {
  const objects = opts.objects ?? (new MemoryObjects() as O);
  const submissions = new MemorySubmissions();
  let uploads = 0;
  const deps = (over: Partial<IngestDeps> = {}): IngestDeps => ({
    objects,
    submissions,
    registry,
    now: () => INGESTED_AT,
    ...opts.deps,
    ...over,
  });
  const ref = (key: string, size: number, over: Partial<ObjectRef> = {}): ObjectRef => ({
    bucket: 'b',
    key,
    size,
    versionId: opts.versioned === false ? null : `v${++uploads}`,
    eTag: null,
    sequencer: null,
    eventTime: UPLOADED_AT,
    ...over,
  });
  return {
    objects,
    submissions,
    deps,
    ref,
    async upload(key, bytes, over = {}) {
      await objects.put(key, bytes);
      return ingestObject(ref(key, bytes.length, over.ref), deps(over.deps));
    },
  };
}
