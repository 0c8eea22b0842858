import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/** A part of an Office file, deflated: its path in the package, checksum and sizes. */
export interface DeflatedPart {
  name: string;
  crc: number;
  raw: number;
  data: Buffer;
}

/** Text this long is encoded and handed to zlib at once: a sheet is never whole in memory. */
const CHUNK_CHARS = 1 << 16;

/**
 * One part written as text in pieces and deflated as it comes, by node:zlib on its thread pool
 * (so that a sheet deflates while the next rows, and the other renderers, are made).
 */
export class PartWriter {
  private readonly z = createDeflateRaw();
  private readonly out: Buffer[] = [];
  private readonly ended: Promise<unknown>;
  private pending = '';
  private crc = 0;
  private raw = 0;

  constructor(readonly name: string) {
    this.z.on('data', (c: Buffer) => this.out.push(c));
    this.ended = once(this.z, 'end');
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    const bytes = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    this.crc = crc32(bytes, this.crc);
    this.raw += bytes.length;
    this.z.write(bytes);
  }

  async end(): Promise<DeflatedPart> {
    this.flush();
    this.z.end();
    await this.ended;
    return { name: this.name, crc: this.crc >>> 0, raw: this.raw, data: Buffer.concat(this.out) };
  }
}

/** A whole part at once. */
export function deflatedPart(name: string, text: string): Promise<DeflatedPart> {
  const w = new PartWriter(name);
  w.write(text);
  return w.end();
}

/** MS-DOS time and date of the entries (local time fields; taken as UTC, the zip has no zone). */
function dosDateTime(at: Date): [time: number, date: number] {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return [
    (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  ];
}

/**
 * The parts as a zip archive (deflated; no zip64: an Office package of the rollup is megabytes).
 * node:zlib does the compression and the checksums; the container is the fixed headers of
 * APPNOTE 4.3 (local header and data per part, then the central directory and its end).
 */
export function zipParts(parts: DeflatedPart[], at: Date): Uint8Array {
  const [time, date] = dosDateTime(at);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, part, time, date, name.length);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(entry, 6, part, time, date, name.length);
    entry.writeUInt32LE(offset, 42); // where the local header starts
    chunks.push(local, name, part.data);
    central.push(entry, name);
    offset += local.length + name.length + part.data.length;
  }
  const size = central.reduce((a, c) => a + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** The fields the local header and the central directory entry share, from `at` on. */
function writeCommon(
  b: Buffer,
  at: number,
  part: DeflatedPart,
  time: number,
  date: number,
  nameLength: number,
): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  b.writeUInt16LE(0x0800, at + 2); // names in UTF-8
  b.writeUInt16LE(8, at + 4); // deflate
  b.writeUInt16LE(time, at + 6);
  b.writeUInt16LE(date, at + 8);
  b.writeUInt32LE(part.crc, at + 10);
  b.writeUInt32LE(part.data.length, at + 14);
  b.writeUInt32LE(part.raw, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}
