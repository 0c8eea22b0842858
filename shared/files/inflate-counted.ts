import yauzl from 'yauzl';
import { MAX_DOCX_RATIO, MAX_DOCX_UNPACKED_BYTES, MAX_DOCX_XML_BYTES } from './limits.js';

export interface ZipCensus {
  /** Real bytes of all parts, counted while inflating. */
  unpacked: number;
  /** Real bytes of the XML parts a reader of the text inflates again. */
  xml: number;
  packed: number;
  hasDocument: boolean;
  /** The inflated bytes of the parts asked for (`keep`), by name: read once, never twice. */
  parts: Map<string, Buffer>;
}

/** Thrown as soon as a limit is passed; what has been inflated so far is discarded. */
export class ZipTooLarge extends Error {
  override readonly name = 'ZipTooLarge';
}

const isXml = (name: string) => /\.(xml|rels)$/i.test(name);

function overLimit(c: ZipCensus): string | null {
  if (c.unpacked > MAX_DOCX_UNPACKED_BYTES) return `unpacks to over ${c.unpacked} bytes`;
  if (c.xml > MAX_DOCX_XML_BYTES) return `XML parts over ${c.xml} bytes`;
  if (c.packed > 0 && c.unpacked > 1_000_000 && c.unpacked / c.packed > MAX_DOCX_RATIO)
    return `ratio ${Math.round(c.unpacked / c.packed)}`;
  return null;
}

function countEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  c: ZipCensus,
  keep: boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Sizes are the ZIP's own claims: the stream is checked against them, and counted besides.
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const kept: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        c.unpacked += chunk.length;
        if (isXml(entry.fileName)) c.xml += chunk.length;
        const over = overLimit(c);
        if (over) stream.destroy(new ZipTooLarge(over));
        else if (keep) kept.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => {
        if (keep) c.parts.set(entry.fileName, Buffer.concat(kept));
        resolve();
      });
    });
  });
}

/**
 * Inflates every part of a ZIP once, keeping nothing, to learn its real size: a ZIP may declare
 * any size it likes, so limits are enforced on the bytes as they come out of the inflater.
 */
export function inflateCounted(
  bytes: Uint8Array,
  keep: (name: string) => boolean = () => false,
): Promise<ZipCensus> {
  const census: ZipCensus = {
    unpacked: 0,
    xml: 0,
    packed: 0,
    hasDocument: false,
    parts: new Map(),
  };
  return new Promise((resolve, reject) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('entry', (entry: yauzl.Entry) => {
        census.packed += entry.compressedSize;
        if (entry.fileName === 'word/document.xml') census.hasDocument = true;
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        countEntry(zip, entry, census, isXml(entry.fileName) && keep(entry.fileName)).then(
          () => zip.readEntry(),
          (e) => {
            zip.close();
            reject(e);
          },
        );
      });
      zip.on('end', () => resolve(census));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
