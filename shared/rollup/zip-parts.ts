import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

/** A part of an Office file: its path in the package and its bytes. */
export interface ZipPart {
  name: string;
  data: Uint8Array;
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
 * node:zlib does the compression and the checksums, on its thread pool, so that the parts deflate
 * while the other renderers run; the container itself is the fixed headers of APPNOTE 4.3.
 */
export async function zipParts(parts: ZipPart[], at: Date): Promise<Uint8Array> {
  const [time, date] = dosDateTime(at);
  const packed = await Promise.all(parts.map((p) => deflate(p.data)));
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    const name = Buffer.from(part.name, 'utf8');
    const data = packed[i]!;
    const fields = {
      crc: crc32(part.data) >>> 0,
      size: data.length,
      raw: part.data.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields, time, date, name.length);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(entry, 6, fields, time, date, name.length);
    entry.writeUInt32LE(offset, 42); // where the local header starts
    chunks.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  });
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
  f: { crc: number; size: number; raw: number },
  time: number,
  date: number,
  nameLength: number,
): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  b.writeUInt16LE(0x0800, at + 2); // names in UTF-8
  b.writeUInt16LE(8, at + 4); // deflate
  b.writeUInt16LE(time, at + 6);
  b.writeUInt16LE(date, at + 8);
  b.writeUInt32LE(f.crc, at + 10);
  b.writeUInt32LE(f.size, at + 14);
  b.writeUInt32LE(f.raw, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}
