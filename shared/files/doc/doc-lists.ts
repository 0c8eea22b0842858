import {
  type ListDefinition,
  type ListInstance,
  MAX_LEVEL,
  Numbering,
  type NumberLevel,
} from '../word-numbering.js';

// Word's automatic numbering in a Word 97–2003 file, read from the table stream's list tables
// ([MS-DOC] 2.9): the PlfLst (LSTF records, each followed in order by its one or nine LVLs:
// start, nfc, flags, the number text xst whose placeholder characters 0…8 stand for a level's
// counter) and the PlfLfo (LFO records naming a list by lsid, then their LFOLVL overrides). The
// worker (doc-worker.ts) hands over these bytes, the style sheet (a paragraph style such as
// Heading 1 may carry the numbering, inherited through istdBase) and, for each paragraph of the
// body, the character position of its mark, its style and its own sprmPIlfo/sprmPIlvl; they are
// evaluated here by the numbering every Word format shares (../word-numbering.ts). A table that
// does not parse is ignored as a whole: paragraphs keep their text without a label, never a
// label guessed.

/**
 * The bytes of the list tables and of the style sheet (STSH) and, per body paragraph, [cp of its
 * mark, istd, ilfo, ilvl], ilfo and ilvl -1 where the paragraph does not set them.
 */
export interface DocListBytes {
  lst: Uint8Array;
  lfo: Uint8Array;
  stsh: Uint8Array;
  paragraphs: ArrayLike<number>;
}

/** A paragraph's list: the instance (LFO, 1-based as sprmPIlfo gives it) and its level. */
export interface DocListRef {
  ilfo: number;
  ilvl: number;
}

/** nfc ([MS-DOC] 2.9.166 / ST_NumberFormat) as numbering.xml names the formats. */
const NFC: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  5: 'ordinal',
  6: 'cardinalText',
  7: 'ordinalText',
  22: 'decimalZero',
  23: 'bullet',
  255: 'none',
};

const LSTF_SIZE = 28;
const LVLF_SIZE = 28;
const LFO_SIZE = 16;
const LFOLVL_SIZE = 8;

class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(at: number, n: number): void {
    if (at < 0 || at + n > this.bytes.length)
      throw new RangeError(`list table ends before ${at + n}`);
  }
  u8(at: number): number {
    this.need(at, 1);
    return this.view.getUint8(at);
  }
  u16(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, true);
  }
  i32(at: number): number {
    this.need(at, 4);
    return this.view.getInt32(at, true);
  }
  utf16(at: number, chars: number): string {
    this.need(at, chars * 2);
    let s = '';
    for (let i = 0; i < chars; i++) s += String.fromCharCode(this.view.getUint16(at + i * 2, true));
    return s;
  }
}

/** The number text with its placeholders as "%1"…"%9" (numbering.xml's lvlText). */
function numberText(xst: string, placeholders: Set<number>): string {
  let out = '';
  for (let i = 0; i < xst.length; i++) {
    const c = xst.charCodeAt(i);
    if (placeholders.has(i + 1) && c <= MAX_LEVEL) out += `%${c + 1}`;
    else if (c >= 0x20) out += xst[i];
  }
  return out;
}

/** One LVL at `at`: the level and where the next record starts. */
function readLevel(b: Bytes, at: number): [NumberLevel, number] {
  const start = b.i32(at);
  const nfc = b.u8(at + 4);
  const flags = b.u8(at + 5);
  const placeholders = new Set<number>();
  for (let i = 0; i < 9; i++) {
    const k = b.u8(at + 6 + i);
    if (k === 0) break;
    placeholders.add(k);
  }
  const grpprls = b.u8(at + 24) + b.u8(at + 25);
  const xstAt = at + LVLF_SIZE + grpprls;
  const cch = b.u16(xstAt);
  const level: NumberLevel = {
    start: start >= 0 && start <= 0x7fff ? start : 1,
    rawFormat: NFC[nfc] ?? 'other',
    text: numberText(b.utf16(xstAt + 2, cch), placeholders),
    legal: (flags & 0x04) !== 0,
  };
  // fNoRestart: ilvlRestartLim says after which level the counter restarts (0: never).
  if ((flags & 0x08) !== 0) level.restart = b.u8(at + 26);
  return [level, xstAt + 2 + cch * 2];
}

function readLists(b: Bytes): Map<string, ListDefinition> {
  const count = b.u16(0) & 0x7fff;
  const lists = new Map<string, ListDefinition>();
  let at = 2 + count * LSTF_SIZE;
  b.u8(at - 1);
  for (let i = 0; i < count; i++) {
    const lstf = 2 + i * LSTF_SIZE;
    const simple = (b.u8(lstf + 26) & 0x01) !== 0;
    const levels: NumberLevel[] = [];
    for (let l = 0; l < (simple ? 1 : MAX_LEVEL + 1); l++) {
      const [level, next] = readLevel(b, at);
      levels.push(level);
      at = next;
    }
    lists.set(String(b.i32(lstf)), { levels });
  }
  return lists;
}

function readInstances(b: Bytes): Map<string, ListInstance> {
  const count = b.i32(0);
  if (count < 0) throw new RangeError('negative LFO count');
  const nums = new Map<string, ListInstance>();
  let at = 4 + count * LFO_SIZE;
  b.u8(at - 1);
  for (let i = 0; i < count; i++) {
    const lfo = 4 + i * LFO_SIZE;
    const num: ListInstance = {
      abstractId: String(b.i32(lfo)),
      starts: new Map(),
      levels: new Map(),
    };
    const overrides = b.u8(lfo + 12);
    // LFOData: a cp, then one LFOLVL per override, each followed by an LVL when it brings one.
    at += 4;
    for (let o = 0; o < overrides; o++) {
      const startAt = b.i32(at);
      const flags = b.u8(at + 4);
      const ilvl = flags & 0x0f;
      at += LFOLVL_SIZE;
      if ((flags & 0x10) !== 0 && ilvl <= MAX_LEVEL && startAt >= 0) num.starts.set(ilvl, startAt);
      if ((flags & 0x20) !== 0) {
        const [level, next] = readLevel(b, at);
        if (ilvl <= MAX_LEVEL) num.levels.set(ilvl, level);
        at = next;
      }
    }
    nums.set(String(i + 1), num);
  }
  return nums;
}

/** Word's numbering of a .doc, or null when its list tables are absent or do not parse. */
export function docNumbering(lists: DocListBytes): Numbering | null {
  if (!lists.lst.length || !lists.lfo.length) return null;
  try {
    return new Numbering(readLists(new Bytes(lists.lst)), readInstances(new Bytes(lists.lfo)));
  } catch {
    return null;
  }
}

/** A paragraph style's own list and level (-1: not set) and the style it is based on. */
interface StyleList {
  base: number;
  ilfo: number;
  ilvl: number;
}

/** sprm operand sizes by spra ([MS-DOC] 2.2.5.1); -1: a byte gives the size. */
const OPERAND = [1, 1, 2, 4, 2, 2, -1, 3];

/** sprmPIlfo and sprmPIlvl in a grpprl. */
function listSprms(b: Bytes, from: number, to: number): { ilfo: number; ilvl: number } {
  const out = { ilfo: -1, ilvl: -1 };
  for (let at = from; at + 2 <= to; ) {
    const sprm = b.u16(at);
    at += 2;
    if (sprm === 0x460b) out.ilfo = b.u16(at);
    if (sprm === 0x260a) out.ilvl = b.u8(at);
    const size = OPERAND[(sprm >> 13) & 7]!;
    at += size >= 0 ? size : b.u8(at) + 1;
  }
  return out;
}

/** The STSH's paragraph styles: each STD's base and the list its paragraph UPX sets. */
function readStyles(b: Bytes): Map<number, StyleList> {
  const styles = new Map<number, StyleList>();
  const cbStshi = b.u16(0);
  const count = b.u16(2);
  const cbBase = b.u16(4);
  let at = 2 + cbStshi;
  for (let istd = 0; istd < count; istd++) {
    const cb = b.u16(at);
    const std = at + 2;
    at = std + cb;
    if (cb < cbBase || cbBase < 10) continue;
    const stk = b.u16(std + 2) & 0x0f;
    const style: StyleList = { base: b.u16(std + 2) >> 4, ilfo: -1, ilvl: -1 };
    styles.set(istd, style);
    if (stk !== 1 || (b.u16(std + 4) & 0x0f) < 1) continue;
    let upx = std + cbBase;
    upx += 2 + b.u16(upx) * 2 + 2;
    if ((upx - std) % 2) upx++;
    const end = upx + 2 + b.u16(upx);
    if (end > at) continue;
    // The paragraph UPX: the style's istd, then its grpprl.
    Object.assign(style, listSprms(b, upx + 4, end));
  }
  return styles;
}

/** A style's list and level, the nearest set through its istdBase chain. */
function inherited(styles: Map<number, StyleList>, istd: number): { ilfo: number; ilvl: number } {
  const out = { ilfo: -1, ilvl: -1 };
  const seen = new Set<number>();
  for (let s = styles.get(istd); s && !seen.has(istd); s = styles.get(istd)) {
    seen.add(istd);
    if (out.ilfo < 0) out.ilfo = s.ilfo;
    if (out.ilvl < 0) out.ilvl = s.ilvl;
    istd = s.base;
  }
  return out;
}

function stylesOf(stsh: Uint8Array): Map<number, StyleList> {
  try {
    return stsh.length ? readStyles(new Bytes(stsh)) : new Map();
  } catch {
    return new Map();
  }
}

/** The numbered paragraphs by the character position of their mark, own list before the style's. */
export function numberedMarks(lists: DocListBytes): Map<number, DocListRef> {
  const marks = new Map<number, DocListRef>();
  const styles = stylesOf(lists.stsh);
  const p = lists.paragraphs;
  for (let i = 0; i + 3 < p.length; i += 4) {
    const [cp, istd, ilfo, ilvl] = [p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!];
    const style = inherited(styles, istd);
    const list = ilfo >= 0 ? ilfo : style.ilfo;
    // A level comes with the list: the paragraph's own, or the style's when the list is the style's.
    const level = ilvl >= 0 ? ilvl : ilfo < 0 ? style.ilvl : -1;
    if (list > 0 && list < 0xf800 && level <= MAX_LEVEL)
      marks.set(cp, { ilfo: list, ilvl: Math.max(level, 0) });
  }
  return marks;
}
