// Writes a Word 97–2003 file's list tables ([MS-DOC] PlfLst with its LVLs, PlfLfo with its LFOLVL
// overrides) and the same definitions as numbering.xml, so that a test can check the .doc reading
// of Word's numbering against the .docx one.

export interface LevelDef {
  start: number;
  /** numbering.xml's name and the .doc's nfc of the same format. */
  format: { name: string; nfc: number };
  /** The label template, "%1." style: placeholders for levels 1…9. */
  text: string;
  /** lvlRestart / ilvlRestartLim, when set. */
  restart?: number;
  legal?: boolean;
}

export interface ListDef {
  lsid: number;
  levels: LevelDef[];
}

/** An instance (LFO / w:num) of the list `lsid`, with start overrides by level. */
export interface InstanceDef {
  lsid: number;
  starts: Array<[number, number]>;
}

const u8 = (n: number) => Buffer.from([n & 0xff]);
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
};

/** An LVL: LVLF, no grpprls, then the xst with a placeholder character per %n. */
function lvl(l: LevelDef): Buffer {
  const chars: number[] = [];
  const places: number[] = [];
  for (let i = 0; i < l.text.length; i++) {
    const m = /^%([1-9])/.exec(l.text.slice(i));
    if (m) {
      chars.push(Number(m[1]) - 1);
      places.push(chars.length);
      i++;
    } else chars.push(l.text.charCodeAt(i));
  }
  const rgbxch = Buffer.alloc(9);
  for (const [i, p] of places.slice(0, 9).entries()) rgbxch.writeUInt8(p, i);
  const flags = (l.legal ? 0x04 : 0) | (l.restart !== undefined ? 0x08 : 0);
  const lvlf = Buffer.concat([
    i32(l.start),
    u8(l.format.nfc),
    u8(flags),
    rgbxch,
    u8(0), // ixchFollow
    i32(0), // dxaIndentSav
    i32(0), // unused
    u8(0), // cbGrpprlChpx
    u8(0), // cbGrpprlPapx
    u8(l.restart ?? 0),
    u8(0),
  ]);
  return Buffer.concat([lvlf, u16(chars.length), ...chars.map(u16)]);
}

/** PlfLst followed by every list's LVLs (a list of one level is written as a simple list). */
export function plfLst(lists: ListDef[]): Buffer {
  const lstfs = lists.map((l) =>
    Buffer.concat([
      i32(l.lsid),
      i32(0),
      Buffer.alloc(18, 0xff),
      u8(l.levels.length === 1 ? 1 : 0),
      u8(0),
    ]),
  );
  const levels = lists.flatMap((l) => {
    const all = l.levels.length === 1 ? l.levels : Array.from({ length: 9 }, (_, i) => l.levels[i]);
    return all.map((d) => lvl(d ?? { start: 1, format: { name: 'decimal', nfc: 0 }, text: '' }));
  });
  return Buffer.concat([u16(lists.length), ...lstfs, ...levels]);
}

/** PlfLfo: the LFOs, then each one's LFOData (a cp, then its start overrides). */
export function plfLfo(instances: InstanceDef[]): Buffer {
  const lfos = instances.map((n) =>
    Buffer.concat([i32(n.lsid), i32(0), i32(0), u8(n.starts.length), u8(0), u8(0), u8(0)]),
  );
  const data = instances.map((n) =>
    Buffer.concat([
      i32(-1),
      ...n.starts.map(([level, start]) => Buffer.concat([i32(start), i32(level | 0x10)])),
    ]),
  );
  return Buffer.concat([i32(instances.length), ...lfos, ...data]);
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The same lists as numbering.xml (abstractNumId = lsid, numId = 1-based instance index). */
export function numberingXml(lists: ListDef[], instances: InstanceDef[]): string {
  const level = (l: LevelDef, i: number) =>
    `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start}"/><w:numFmt w:val="${l.format.name}"/>` +
    (l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : '') +
    (l.legal ? '<w:isLgl/>' : '') +
    `<w:lvlText w:val="${attr(l.text)}"/></w:lvl>`;
  const abstracts = lists.map(
    (l) =>
      `<w:abstractNum w:abstractNumId="${l.lsid}">${l.levels.map(level).join('')}</w:abstractNum>`,
  );
  const nums = instances.map(
    (n, i) =>
      `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${n.lsid}"/>` +
      n.starts
        .map(
          ([l, s]) =>
            `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${s}"/></w:lvlOverride>`,
        )
        .join('') +
      '</w:num>',
  );
  return (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${abstracts.join('')}${nums.join('')}</w:numbering>`
  );
}

/** A paragraph style: its base (istd, 0xfff none) and the list and level its paragraph UPX sets. */
export interface StyleDef {
  name: string;
  base: number;
  ilfo?: number;
  ilvl?: number;
}

/** A style sheet (STSH): the Stshi, then one STD a style (Word 97's 10-byte StdfBase). */
export function stsh(styles: StyleDef[]): Buffer {
  const stshi = Buffer.concat([u16(styles.length), u16(10), Buffer.alloc(14)]);
  const stds = styles.map((s) => {
    const grpprl = Buffer.concat([
      ...(s.ilvl !== undefined ? [u16(0x260a), u8(s.ilvl)] : []),
      ...(s.ilfo !== undefined ? [u16(0x460b), u16(s.ilfo)] : []),
    ]);
    const papx = Buffer.concat([u16(2 + grpprl.length), u16(0), grpprl]);
    const std = Buffer.concat([
      u16(0),
      u16(1 | (s.base << 4)),
      u16(2),
      u16(0),
      u16(0),
      u16(s.name.length),
      ...[...s.name].map((c) => u16(c.charCodeAt(0))),
      u16(0),
      papx,
      papx.length % 2 ? u8(0) : Buffer.alloc(0),
      u16(0),
    ]);
    return Buffer.concat([u16(std.length), std]);
  });
  return Buffer.concat([u16(stshi.length), stshi, ...stds]);
}
