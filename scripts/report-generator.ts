// Commune reports of the project's own making with known truth: header layouts, request lists,
// sections in varying orders and numbering, catalogue wordings, signature blocks. The truth is
// written in the shape of the evaluation's expected.json, so generated sets can be scored the
// same way as real reports.
import type { Unit } from '../shared/schemas/unit.js';

export type Rng = () => number;

/** A small deterministic generator (mulberry32), so that a seed names a document. */
export function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

export interface Truth {
  documentType: 'BAO_CAO' | 'KE_HOACH' | 'CONG_VAN' | 'OTHER';
  number: string | null;
  issuedOn: string | null;
  /** Null where the text does not establish it (a name several provinces share, no clue). */
  issuer: { level: Unit['level']; name: string | null };
  province: string | null;
  titleContains: string;
  requestedBy: string[];
  /** The signer's title exactly as the block's rules give it ("KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"). */
  signer: { name: string | null; title: string | null };
  sectionKinds: string[];
  indicatorValues: number[];
  indicatorFractions: Array<[number, number]>;
  /** Catalogue keys the figures must be filed under. */
  indicatorKeys: Record<string, number>;
}

export interface GeneratedReport {
  text: string;
  truth: Truth;
  /** Where the parts are, for damage that must keep some of them intact. */
  layout: { header: string; signatureAtEnd: boolean };
  /** The same report in its parts, for writing it as Word lays it out (scripts/report-docx.ts). */
  parts: ReportParts;
}

/** A figure as a row of an indicator table: its label, unit, result, plan and rate columns. */
export interface FigureRow {
  label: string;
  unit: string;
  result: number;
  plan: number | null;
  rate: number | null;
}

export interface ReportParts {
  /** The two header columns of Nghị định 30: the unit on the left, the national motto right. */
  headerLeft: string[];
  headerRight: string[];
  title: string[];
  recipient: string;
  preamble: string;
  /** Each section's heading words (without its numeral) and its lines, figure lines included. */
  sections: Array<{ kind: string; words: string; lines: string[]; typed: string[] }>;
  /** The figure lines of the results section as typed ("- …."), and each as a table row. */
  figures: Array<{ line: string; row: FigureRow }>;
  closing: string;
  signatureLeft: string[];
  signatureRight: string[];
}

const LEVEL_WORD = { xa: 'xã', phuong: 'phường', dac_khu: 'đặc khu' } as const;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Phan',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Viết'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hùng',
  'Lan',
  'Long',
  'Nam',
  'Phúc',
  'Quý',
  'Sơn',
  'Thủy',
  'Tuấn',
  'Việt',
];

function kinhName(rng: Rng): string {
  const parts = [pick(rng, FAMILY), pick(rng, MIDDLE)];
  if (rng() < 0.3) parts.push(pick(rng, MIDDLE));
  parts.push(pick(rng, GIVEN));
  return [...new Set(parts)].join(' ');
}

// Names of other peoples as they are written in Vietnamese documents (family, middle, given in
// the Hmông, Dao, Thái, Tày and Khmer way; given name, then the family name of the Ê Đê, Gia Rai
// and Ba Na): many of their syllables are no Kinh syllables, and a reader must keep them.
const PEOPLES: ReadonlyArray<readonly [readonly string[], readonly string[], readonly string[]]> = [
  [
    ['Giàng', 'Sùng', 'Vàng', 'Thào', 'Mùa', 'Lầu', 'Hạng'],
    ['A', 'Mí', 'Seo', 'Thị'],
    ['Páo', 'Chá', 'Phìn', 'Tủa', 'Chứ', 'Dế'],
  ],
  [
    ['Triệu', 'Bàn', 'Chảo', 'Lý'],
    ['Văn', 'Tài', 'Thị', 'Ông'],
    ['Chiêu', 'Phin', 'Sành', 'Quẩy'],
  ],
  [
    ['Lò', 'Lường', 'Cầm', 'Lù', 'Quàng', 'Tòng'],
    ['Văn', 'Thị'],
    ['Muôn', 'Hoan', 'Mỷ', 'Xiêng'],
  ],
  [
    ['Ksor', 'Rơ Mah', 'Siu', 'Kpă', 'Nay', 'Rơ Lan', 'Puih'],
    [''],
    ['Hiếu', 'Nhí', 'Thuyên', 'Tuất', 'Blơh'],
  ],
  [['Y', "H'"], [''], ['Biêr', 'Khút', 'Hen', 'Bla', 'Wen', 'Kông']],
  [
    ['Thạch', 'Danh', 'Kim', 'Sơn', 'Lâm'],
    ['', 'Thị'],
    ['Sô Phol', 'Sa Rết', 'Chanh Đa', 'Sa Phia'],
  ],
  [
    ['Đinh', 'A'],
    ['Văn', 'Thị', ''],
    ['Hrích', 'Hơ Lúi', 'Blốc', 'Kdăm'],
  ],
];
const EDE_FAMILY = ['Niê', 'Êban', 'Mlô', 'Ayun', 'Hdơk', 'Ktla'];

function otherPeoplesName(rng: Rng): string {
  const which = Math.floor(rng() * PEOPLES.length);
  const [family, middle, given] = PEOPLES[which]!;
  const f = pick(rng, family);
  // "Y Biêr Niê", "H'Hen Niê": a prefix joined to the given name, the family name last.
  if (which === 4)
    return `${f === "H'" ? `H'${pick(rng, given)}` : `Y ${pick(rng, given)}`} ${pick(rng, EDE_FAMILY)}`;
  return [f, pick(rng, middle), pick(rng, given)].filter(Boolean).join(' ');
}

/** A signer's name: most Kinh, a third of other peoples. */
export function personName(rng: Rng): string {
  return rng() < 0.35 ? otherPeoplesName(rng) : kinhName(rng);
}

function upper(s: string): string {
  return s.toUpperCase();
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// --- Header -----------------------------------------------------------------------------------

const MOTTO_1 = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';

export const HEADER_LAYOUTS = ['columns', 'stacked', 'split', 'handwritten', 'no-number'] as const;

function headerLines(
  rng: Rng,
  unit: Unit,
  number: string | null,
  date: { d: number; m: number; y: number },
  layout: (typeof HEADER_LAYOUTS)[number],
  symbol: string,
  columns?: { left: string[]; right: string[] },
): string[] {
  const committee = pick(rng, ['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN']);
  const unitLine = upper(`${LEVEL_WORD[unit.level]} ${unit.name}`);
  const place = unit.name;
  // Most write the date in words; some type it in figures ("ngày 05/11/2025").
  const dateText =
    rng() < 0.2
      ? `${place}, ngày ${String(date.d).padStart(2, '0')}/${date.m}/${date.y}`
      : `${place}, ngày ${date.d} tháng ${date.m} năm ${date.y}`;
  const numberText = number ? `Số: ${number}` : `Số:      /${symbol}`;
  if (columns) {
    columns.left.push(committee, unitLine, numberText);
    columns.right.push(MOTTO_1, MOTTO_2, dateText);
  }
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(2, w - s.length));
  switch (layout) {
    case 'columns':
      return [
        pad(committee, 36) + MOTTO_1,
        pad(unitLine, 36) + MOTTO_2,
        pad(numberText, 36) + dateText,
      ];
    case 'stacked':
      return [committee, unitLine, numberText, MOTTO_1, MOTTO_2, dateText];
    case 'split':
      // A header copied out of a Word table: the number and the date each broken over two lines.
      return [
        committee,
        unitLine,
        'Số:',
        number ?? `/${symbol}`,
        MOTTO_1,
        MOTTO_2,
        `${place}, ngày ${date.d} tháng ${date.m}`,
        `năm ${date.y}`,
      ];
    case 'handwritten': {
      const [n] = (number ?? '').split('/');
      return [committee, unitLine, n ?? '', `Số:        /${symbol}`, MOTTO_1, MOTTO_2, dateText];
    }
    case 'no-number':
      return [committee, unitLine, `Số:      /${symbol}`, MOTTO_1, MOTTO_2, dateText];
  }
}

// --- Title and preamble -----------------------------------------------------------------------

const SUBJECTS = [
  'Kết quả thực hiện chuyển đổi số năm 2025',
  'Kết quả thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ',
  'Tình hình thực hiện Nghị quyết số 107/NQ-CP ngày 20/4/2025 của Chính phủ',
  'Kết quả triển khai Đề án 06 và chuyển đổi số 6 tháng đầu năm 2025',
  'Kết quả phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quý III năm 2025',
];

const SENDERS = [
  ['SKHCN-QLKH', 'Sở Khoa học và Công nghệ tỉnh'],
  ['SKHCN-KH&ĐMST', 'Sở Khoa học và Công nghệ'],
  ['UBND-KGVX', 'Ủy ban nhân dân tỉnh'],
  ['SKHCN-CĐS', 'Sở Khoa học và Công nghệ'],
] as const;

// How a clause leads to the documents it answers: plainly, with a typist's doubled word, or
// through a directive ("chỉ đạo … tại", "đề nghị … tại").
const REQUEST_LEADS = [
  'Thực hiện',
  'Thực hiện',
  'Thực hiện',
  'Thực hiện thực hiện',
  'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh tại',
  'Theo đề nghị của Sở Khoa học và Công nghệ tại',
  'Thực hiện yêu cầu của Sở Khoa học và Công nghệ theo',
];

function requestClause(
  rng: Rng,
  count: number,
  province: string,
): { text: string; numbers: string[] } {
  const numbers: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const [symbol, body] = pick(rng, SENDERS);
    const n = `${int(rng, 10, 4999)}/${symbol}`;
    if (numbers.includes(n)) continue;
    numbers.push(n);
    const kind = pick(rng, ['Công văn', 'Văn bản', 'Công văn']);
    const doubled = rng() < 0.2 ? `${kind} ` : '';
    parts.push(
      `${doubled}${kind} số ${n} ngày ${int(rng, 1, 28)}/${int(rng, 1, 10)}/2025 ` +
        `của ${body} ${province} về việc báo cáo kết quả thực hiện`,
    );
  }
  const opener = pick(rng, REQUEST_LEADS);
  return { text: `${opener} ${parts.join('; ')}`, numbers };
}

// --- Sections ---------------------------------------------------------------------------------

const HEADINGS: Record<string, readonly string[]> = {
  results: [
    'KẾT QUẢ THỰC HIỆN',
    'TÌNH HÌNH TRIỂN KHAI THỰC HIỆN',
    'KẾT QUẢ ĐẠT ĐƯỢC',
    'Kết quả thực hiện',
  ],
  difficulties: [
    'KHÓ KHĂN, VƯỚNG MẮC',
    'TỒN TẠI, HẠN CHẾ',
    'NHỮNG KHÓ KHĂN, HẠN CHẾ',
    'Khó khăn, vướng mắc',
  ],
  causes: ['NGUYÊN NHÂN', 'NGUYÊN NHÂN CỦA TỒN TẠI'],
  proposals: ['ĐỀ XUẤT, KIẾN NGHỊ', 'KIẾN NGHỊ', 'ĐỀ XUẤT', 'Đề xuất, kiến nghị'],
  plan: [
    'ĐỊNH HƯỚNG NHIỆM VỤ THỜI GIAN TỚI',
    'PHƯƠNG HƯỚNG, NHIỆM VỤ',
    'NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM',
    'Phương hướng, nhiệm vụ thời gian tới',
  ],
};

const SECTION_ORDERS = [
  ['results', 'difficulties', 'proposals'],
  ['results', 'difficulties', 'causes', 'proposals'],
  ['results', 'difficulties', 'plan', 'proposals'],
  ['results', 'difficulties', 'causes', 'plan', 'proposals'],
  ['results', 'plan', 'proposals'],
] as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** Numbering as typists and scanners leave it: repeated or skipped numerals. */
function numerals(rng: Rng, count: number): string[] {
  const out = ROMAN.slice(0, count);
  const slip = rng();
  if (slip < 0.15 && count > 2) out[2] = out[1]!;
  else if (slip < 0.3 && count > 2) return [out[0]!, ...ROMAN.slice(2, count + 1)];
  return out;
}

// Top-level headings: "II. KHÓ KHĂN", "PHẦN II. KHÓ KHĂN", or "PHẦN THỨ HAI" over its words.
// Without Roman numerals: "1. Kết quả …" or "A. KẾT QUẢ …", numbered without slips.
const PART_STYLES = ['roman', 'roman', 'roman', 'part', 'part-words', 'arabic', 'letter'] as const;
const ORDINAL_WORDS = ['NHẤT', 'HAI', 'BA', 'TƯ', 'NĂM', 'SÁU'];

function headingLines(
  style: (typeof PART_STYLES)[number],
  mark: string,
  words: string,
  position: number,
): string[] {
  if (style === 'roman') return [`${mark}. ${words}`];
  if (style === 'arabic') return [`${position + 1}. ${words}`];
  if (style === 'letter') return [`${'ABCDEF'[position]}. ${words.toUpperCase()}`];
  if (style === 'part') return [`PHẦN ${mark}. ${words}`];
  return [`PHẦN THỨ ${ORDINAL_WORDS[ROMAN.indexOf(mark)]}`, words.toUpperCase()];
}

interface Figure {
  text: string;
  key: string;
  value: number;
  fraction?: [number, number];
  row: FigureRow;
}

function vn(n: number, decimals = 0): string {
  const [i, f] = n.toFixed(decimals).split('.');
  const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${grouped},${f}` : grouped;
}

function rateFigure(rng: Rng, label: string, noun: string, key: string): Figure {
  const total = int(rng, 500, 40_000);
  const done = int(rng, Math.floor(total * 0.6), total);
  const pct = Math.round((done / total) * 10_000) / 100;
  return {
    text: `${label}: ${vn(done)}/${vn(total)} ${noun}, đạt ${vn(pct, 2)}%`,
    key,
    value: pct,
    fraction: [done, total],
    row: { label, unit: noun, result: done, plan: total, rate: pct },
  };
}

/** Figures in the wordings officers use, one generator per catalogue entry. */
const FIGURES: ReadonlyArray<(rng: Rng) => Figure> = [
  (rng) =>
    rateFigure(
      rng,
      pick(rng, [
        'Cấp thẻ căn cước công dân',
        'Cấp thẻ căn cước',
        'Số CCCD đã cấp',
        'Đã cấp căn cước công dân',
      ]),
      pick(rng, ['thẻ', 'trường hợp']),
      'cccd_issued_rate',
    ),
  (rng) =>
    rateFigure(
      rng,
      pick(rng, ['Kích hoạt tài khoản định danh điện tử', 'Số tài khoản VNeID đã kích hoạt']),
      'tài khoản',
      'vneid_activation_rate',
    ),
  (rng) =>
    rateFigure(
      rng,
      pick(rng, ['Hồ sơ nộp trực tuyến', 'Tỷ lệ hồ sơ dịch vụ công trực tuyến']),
      'hồ sơ',
      'online_public_service_rate',
    ),
  (rng) => {
    const n = int(rng, 3, 60);
    return {
      text: `Thành lập ${n} tổ công nghệ số cộng đồng tại các thôn`,
      key: 'community_digital_teams',
      value: n,
      row: { label: 'Tổ công nghệ số cộng đồng', unit: 'tổ', result: n, plan: null, rate: null },
    };
  },
  // A fraction written around words ("… trên tổng số …"), a count whose unit a line break moved.
  (rng) => {
    const total = int(rng, 500, 40_000);
    const done = int(rng, Math.floor(total * 0.6), total);
    const pct = Math.round((done / total) * 10_000) / 100;
    return {
      text: `Đã cấp ${vn(done)} thẻ căn cước trên tổng số ${vn(total)} công dân, đạt ${vn(pct, 2)}%`,
      key: 'cccd_issued_rate',
      value: pct,
      fraction: [done, total],
      row: { label: 'Cấp thẻ căn cước', unit: 'thẻ', result: done, plan: total, rate: pct },
    };
  },
  (rng) => {
    const n = int(rng, 200, 9_000);
    return {
      text: `Tổng số hồ sơ thủ tục hành chính tiếp nhận trong kỳ là ${vn(n)}\nhồ sơ`,
      key: 'tthc_received_total',
      value: n,
      row: {
        label: 'Hồ sơ thủ tục hành chính tiếp nhận',
        unit: 'hồ sơ',
        result: n,
        plan: null,
        rate: null,
      },
    };
  },
  (rng) => {
    const n = int(rng, 200, 9_000);
    const label = pick(rng, [
      'Tổng số hồ sơ tiếp nhận',
      'Hồ sơ thủ tục hành chính tiếp nhận trong năm',
    ]);
    return {
      text: `${label}: ${vn(n)} hồ sơ`,
      key: 'tthc_received_total',
      value: n,
      row: { label, unit: 'hồ sơ', result: n, plan: null, rate: null },
    };
  },
];

const FILLER = [
  'Ủy ban nhân dân đã ban hành kế hoạch và phân công nhiệm vụ cho từng bộ phận.',
  'Hạ tầng mạng tại trụ sở được nâng cấp, đường truyền ổn định.',
  'Công tác tuyên truyền được thực hiện thường xuyên trên hệ thống loa truyền thanh.',
  'Kinh phí dành cho chuyển đổi số còn hạn chế, thiết bị đã cũ.',
  'Một bộ phận người dân lớn tuổi chưa sử dụng thành thạo điện thoại thông minh.',
  'Đề nghị cấp trên quan tâm bố trí kinh phí và tổ chức tập huấn cho cán bộ.',
];

function sectionBody(rng: Rng, kind: string, figures: Figure[]): string[] {
  const lines = [pick(rng, FILLER)];
  if (kind === 'results') for (const f of figures) lines.push(`- ${f.text}.`);
  lines.push(pick(rng, FILLER));
  return lines;
}

// --- Signature --------------------------------------------------------------------------------

// Blocks as Nghị định 30/2020 lays them out: TM. (the committee), KT. (a deputy signs for the
// head), Q. (acting), TL./TUQ. (an office head signs on the head's behalf); the title a reader
// must give for each.
export const SIGNER_BLOCKS = [
  { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], title: 'CHỦ TỊCH' },
  { lines: ['T/M. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], title: 'CHỦ TỊCH' },
  { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' },
  { lines: ['TM. UBND XÃ', 'K.T CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' },
  { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' },
  { lines: ['KT.CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' },
  { lines: ['TM. ỦY BAN NHÂN DÂN'], title: 'TM. ỦY BAN NHÂN DÂN' },
  { lines: ['Q. CHỦ TỊCH'], title: 'Q. CHỦ TỊCH' },
  { lines: ['CHỦ TỊCH'], title: 'CHỦ TỊCH' },
  { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], title: 'CHÁNH VĂN PHÒNG' },
  { lines: ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], title: 'CHÁNH VĂN PHÒNG' },
  {
    lines: ['TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
    title: 'PHÓ CHÁNH VĂN PHÒNG',
  },
] as const;

/** Where the signature column stands: below the list, beside it (spaces or a Word tab). */
export const SIGNATURE_LAYOUTS = ['below', 'spaces', 'tab', 'beside-heading'] as const;

// Recipients that name a role: the signature's title words in a recipient, not a title.
const RECIPIENTS = [
  '- Như trên;',
  '- Chủ tịch, các Phó Chủ tịch UBND xã;',
  '- CHỦ TỊCH, CÁC PCT UBND;',
  '- Sở Khoa học và Công nghệ;',
  '- Lưu: VT.',
];

function signatureLines(
  rng: Rng,
  name: string,
  layout: (typeof SIGNATURE_LAYOUTS)[number],
): { lines: string[]; title: string; left: string[]; right: string[] } {
  const t = pick(rng, SIGNER_BLOCKS);
  // Some type the name in capitals: a capitals font (.VnTimeH) then turns it to lower case.
  const typed = rng() < 0.2 ? name.toUpperCase() : name;
  const right = [...t.lines, pick(rng, ['(Đã ký)', '(Đã ký và đóng dấu)', '']), typed].filter(
    Boolean,
  );
  const items = RECIPIENTS.filter(() => rng() < 0.6);
  const left = ['Nơi nhận:', ...(items.length ? items : ['- Lưu: VT.'])];
  if (layout === 'below') return { lines: [...left, ...right], title: t.title, left, right };
  const lines: string[] = [];
  // Beside the list: from the "Nơi nhận:" line itself, or from the line under it.
  const shift = layout === 'beside-heading' ? 0 : 1;
  for (let i = 0; i < Math.max(left.length, right.length + shift); i++) {
    const l = left[i] ?? '';
    const r = right[i - shift] ?? '';
    const line = layout === 'tab' ? `${l}\t${r}` : `${l.padEnd(48)}${r}`;
    lines.push(line.trimEnd());
  }
  return { lines, title: t.title, left, right };
}

const APPENDIX = [
  'PHỤ LỤC',
  'SỐ LIỆU CHI TIẾT THEO THÔN',
  'STT | Thôn | Số hộ | Ghi chú',
  '1 | Thôn Đông | 312 | ',
  '2 | Thôn Tây | 287 | ',
  '3 | Thôn Nam | 199 | ',
];

interface TruthParts {
  number: string | null;
  date: { d: number; m: number; y: number };
  unit: Unit;
  subject: string;
  req: { numbers: string[] };
  signer: string;
  signature: { title: string };
  order: readonly string[];
  figures: Figure[];
}

function truthOf(p: TruthParts): Truth {
  const { number, date, unit, subject, req, signer, signature, order, figures } = p;
  return {
    documentType: 'BAO_CAO',
    number,
    issuedOn: isoDate(date.y, date.m, date.d),
    issuer: { level: unit.level, name: unit.name },
    province: unit.provinceName,
    titleContains: subject,
    requestedBy: req.numbers,
    signer: { name: signer, title: signature.title },
    sectionKinds: [...new Set(order)],
    indicatorValues: figures.map((f) => f.value),
    indicatorFractions: figures.flatMap((f) => (f.fraction ? [f.fraction] : [])),
    indicatorKeys: Object.fromEntries(figures.map((f) => [f.key, f.value])),
  };
}

/** One report with its truth. */
export function generateReport(rng: Rng, units: readonly Unit[]): GeneratedReport {
  const unit = pick(rng, units);
  const layout = pick(rng, HEADER_LAYOUTS);
  const date = { d: int(rng, 1, 28), m: int(rng, 1, 12), y: 2025 };
  const hasNumber = layout !== 'no-number';
  const number = hasNumber ? `${int(rng, 1, 999)}/BC-UBND` : null;
  const subject = pick(rng, SUBJECTS);
  const title = ['BÁO CÁO', subject];
  const recipient = `Kính gửi: Sở Khoa học và Công nghệ tỉnh ${unit.provinceName}.`;
  const req = requestClause(rng, int(rng, 1, 3), unit.provinceName);
  const basis =
    rng() < 0.4
      ? `Căn cứ Kế hoạch số ${int(rng, 1, 99)}/KH-UBND ngày 5/3/2025 của Ủy ban nhân dân ${LEVEL_WORD[unit.level]}; `
      : '';
  const preamble = `${basis}${req.text}, Ủy ban nhân dân ${LEVEL_WORD[unit.level]} ${unit.name} báo cáo như sau:`;

  const order = pick(rng, SECTION_ORDERS);
  const marks = numerals(rng, order.length);
  const partStyle = pick(rng, PART_STYLES);
  const figures = [...FIGURES]
    .sort(() => rng() - 0.5)
    .slice(0, int(rng, 1, 4))
    .map((f) => f(rng));
  const body: string[] = [];
  const sections: ReportParts['sections'] = [];
  order.forEach((kind, i) => {
    const words = pick(rng, HEADINGS[kind]!);
    const lines = sectionBody(rng, kind, figures);
    const typed = headingLines(partStyle, marks[i]!, words, i);
    body.push(...typed, ...lines);
    sections.push({ kind, words, lines, typed });
  });
  const closing = 'Trên đây là báo cáo kết quả thực hiện của Ủy ban nhân dân.';
  const signer = personName(rng);
  const signature = signatureLines(rng, signer, pick(rng, SIGNATURE_LAYOUTS));
  const appendix = rng() < 0.3;
  const columns = { left: [] as string[], right: [] as string[] };
  const text = [
    ...headerLines(rng, unit, number, date, layout, 'BC-UBND', columns),
    '',
    ...title,
    '',
    recipient,
    preamble,
    ...body,
    closing,
    ...signature.lines,
    ...(appendix ? APPENDIX : []),
  ].join('\n');

  const truth = truthOf({ number, date, unit, subject, req, signer, signature, order, figures });
  const parts: ReportParts = {
    headerLeft: columns.left,
    headerRight: columns.right,
    title,
    recipient,
    preamble,
    sections,
    figures: figures.map((f) => ({ line: `- ${f.text}.`, row: f.row })),
    closing,
    signatureLeft: signature.left,
    signatureRight: signature.right,
  };
  return { text, truth, layout: { header: layout, signatureAtEnd: !appendix }, parts };
}

export const TABLE_SEPARATORS = ['tab', 'bar', 'aligned'] as const;

/**
 * The report's text with its figure lines replaced by an indicator table typed in text: cells
 * apart by tabs, by "|" bars, or padded with spaces into aligned columns.
 */
export function withFigureTable(
  g: GeneratedReport,
  sep: (typeof TABLE_SEPARATORS)[number],
): string {
  const header = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả thực hiện', 'Kế hoạch', 'Tỷ lệ (%)'];
  const rows = g.parts.figures.map((f, i) => [
    String(i + 1),
    f.row.label,
    f.row.unit,
    vn(f.row.result),
    f.row.plan === null ? '-' : vn(f.row.plan),
    f.row.rate === null ? '-' : vn(f.row.rate, 2),
  ]);
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)) + 3);
  const line = (r: string[]) =>
    sep === 'tab'
      ? r.join('\t')
      : sep === 'bar'
        ? `| ${r.join(' | ')} |`
        : r
            .map((c, i) => c.padEnd(widths[i]!))
            .join('')
            .trimEnd();
  // A figure's line may wrap ("… là 6.874" over "hồ sơ."): it is replaced with all its lines.
  const spans = g.parts.figures.map((f) => f.line.split('\n'));
  const lines = g.text.split('\n');
  const out: string[] = [];
  let placed = false;
  for (let i = 0; i < lines.length; ) {
    const span = spans.find((s) => s.every((l, j) => lines[i + j] === l));
    if (!span) {
      out.push(lines[i++]!);
      continue;
    }
    if (!placed) out.push(...table.map(line));
    placed = true;
    i += span.length;
  }
  return out.join('\n');
}
