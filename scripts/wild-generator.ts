// Commune documents in the variety real offices produce, written apart from report-generator.ts
// and kinds-generator.ts (their phrasing and layouts are not reused) so that the reader is
// measured on what its rules were not written on. What varies was learnt from public báo cáo,
// kế hoạch and công văn of UBND xã/phường (docs/reading.md lists it); no text of them is copied.
// Every document records the variation it took in `tags`, so a score can be read per variation.
import type { Unit } from '../shared/schemas/unit.js';
import type { Rng, Truth } from './report-generator.js';

export type WildKind = 'bao_cao' | 'ke_hoach' | 'cong_van';

export type WildBlock =
  | { t: 'columns'; left: string[]; right: string[]; role: 'header' | 'signature' }
  | { t: 'p'; text: string; bold?: boolean; center?: boolean; italic?: boolean }
  /** A top-level heading: `label` as typed ("II.", "Phần thứ hai"), null when told by bold alone. */
  | { t: 'heading'; label: string | null; words: string; labelAlone: boolean }
  /** A numbered sub-item under a heading ("1.", "1.2.", "a)"); level 1 or 2. */
  | { t: 'sub'; label: string; text: string; level: 1 | 2 }
  | { t: 'table'; rows: string[][] };

export interface WildDoc {
  kind: WildKind;
  unit: Unit;
  tags: Record<string, string>;
  blocks: WildBlock[];
  truth: Truth;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const LEVEL = { xa: 'xã', phuong: 'phường', dac_khu: 'đặc khu' } as const;
const CITIES = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Huế', 'Cần Thơ', 'Hồ Chí Minh']);
const provinceOf = (p: string) => `${CITIES.has(p) ? 'thành phố' : 'tỉnh'} ${p}`;
const upper = (s: string) => s.toLocaleUpperCase('vi');
const pad2 = (n: number) => String(n).padStart(2, '0');

/** 1234567 → "1.234.567"; 91.1 → "91,1". */
export function vnNumber(n: number, decimals = 0): string {
  const [i, f] = n.toFixed(decimals).split('.');
  const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${grouped},${f}` : grouped;
}

interface Day {
  d: number;
  m: number;
  y: number;
}
const iso = (x: Day) => `${x.y}-${pad2(x.m)}-${pad2(x.d)}`;

// --- Names -------------------------------------------------------------------------------------

const KINH: readonly (readonly string[])[] = [
  ['Nguyễn', 'Trần', 'Lê', 'Võ', 'Huỳnh', 'Dương', 'Lương', 'Trịnh', 'Mai', 'Cao', 'Tạ', 'La'],
  ['Văn', 'Thị', 'Công', 'Đình', 'Bá', 'Kim', 'Thế', 'Trọng', 'Phương', 'Mạnh'],
  ['Khánh', 'Thịnh', 'Nghĩa', 'Hiền', 'Trang', 'Toàn', 'Lực', 'Quyết', 'Hạnh', 'Đạt', 'Yến'],
];
// Other peoples, written as their documents write them (own pools, not the report generator's).
const OTHERS: readonly (readonly string[])[] = [
  ['Giàng A Chư', 'Sùng Seo Lử', 'Thào Mí Sính', 'Vàng Thị Mỷ', 'Hầu A Lềnh', 'Mùa A Sểnh'],
  ['Lò Văn Pấng', 'Lường Thị Ọn', 'Cầm Văn Chỉnh', 'Quàng Văn Hặc', 'Lò Thị Hương'],
  ['Triệu Tài Vinh', 'Bàn Văn Siểu', 'Đặng Thị Mẩy', 'Chảo Láo Lở'],
  ['Ksor Y Phôn', 'Rơ Châm Nhim', 'Siu Blưr', 'Nay Y Blim', 'Rcom H’Hồng', 'Kpă Thuyên'],
  ['Y Ngông Niê Kdăm', "H'Yim Kđoh", 'Y Thuyên Ayun', "H'Bia Êban"],
  ['Đinh Văn Bơ', 'A Thút', 'Y Kông', 'Đinh Thị Hơ Lúi'],
  ['Thạch Ngọc Sơn', 'Danh Sà Rết', 'Kiên Thị Sa Ly', 'Lâm Sô Khênh'],
  ['Hoàng Văn Slình', 'Nông Thị Pắn', 'Ma Văn Kháy', 'Lộc Văn Slảng'],
];

function personOf(rng: Rng): { name: string; people: string } {
  if (rng() < 0.55) {
    const n = [pick(rng, KINH[0]!), pick(rng, KINH[1]!), pick(rng, KINH[2]!)];
    return { name: n.join(' '), people: 'kinh' };
  }
  const i = Math.floor(rng() * OTHERS.length);
  return { name: pick(rng, OTHERS[i]!).replace('’', "'"), people: `other-${i}` };
}

// --- Header ------------------------------------------------------------------------------------

const HEADER_ISSUERS = ['two-lines', 'one-line', 'abbrev', 'province-below', 'broken'] as const;
const NUMBER_FORMS = [
  'plain',
  'space-slash',
  'no-colon',
  'tight',
  'blank',
  'split',
  'zero',
] as const;
const DATE_FORMS = ['words', 'padded', 'blank-day', 'numeric', 'broken', 'blank-all'] as const;

function issuerLines(rng: Rng, u: Unit, form: (typeof HEADER_ISSUERS)[number]): string[] {
  const unitLine = upper(`${LEVEL[u.level]} ${u.name}`);
  const committee = pick(rng, ['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN']);
  const rule = pick(rng, ['-------', '_______', '', '']);
  const lines = {
    'two-lines': [committee, unitLine],
    'one-line': [`${committee} ${unitLine}`],
    abbrev: [`UBND ${unitLine}`],
    'province-below': [committee, unitLine, upper(provinceOf(u.provinceName))],
    broken: ['ỦY', `BAN NHÂN DÂN ${unitLine}`],
  }[form];
  return rule ? [...lines, rule] : lines;
}

function numberLines(rng: Rng, form: (typeof NUMBER_FORMS)[number], symbol: string) {
  const n = int(rng, 1, 980);
  const number = form === 'blank' ? null : `${form === 'zero' ? pad2(n % 60) : n}/${symbol}`;
  const lines = {
    plain: [`Số: ${number}`],
    'space-slash': [`Số: ${n} /${symbol}`],
    'no-colon': [`Số ${number}`],
    tight: [`Số:${number}`],
    blank: [`Số:       /${symbol}`],
    split: ['Số:', `${number}`],
    zero: [`Số: ${number}`],
  }[form];
  return { number, lines };
}

function dateLines(u: Unit, form: (typeof DATE_FORMS)[number], day: Day) {
  const place = u.name;
  const lines = {
    words: [`${place}, ngày ${day.d} tháng ${day.m} năm ${day.y}`],
    padded: [`${place}, ngày ${pad2(day.d)} tháng ${pad2(day.m)} năm ${day.y}`],
    'blank-day': [`${place}, ngày      tháng ${day.m} năm ${day.y}`],
    numeric: [`${place}, ngày ${pad2(day.d)}/${pad2(day.m)}/${day.y}`],
    broken: [`${place}, ngày ${day.d}`, `tháng ${day.m} năm ${day.y}`],
    'blank-all': [`${place}, ngày     tháng     năm ${day.y}`],
  }[form];
  const known = form !== 'blank-day' && form !== 'blank-all';
  return { lines, issuedOn: known ? iso(day) : null };
}

// --- Title and preamble ------------------------------------------------------------------------

const BC_SUBJECTS = [
  'Kết quả triển khai nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025',
  'Tình hình thực hiện chuyển đổi số và Đề án 06 quý III năm 2025 trên địa bàn',
  'Kết quả thực hiện phong trào “Bình dân học vụ số” 9 tháng đầu năm 2025',
  'Sơ kết 6 tháng thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị',
  'Công tác ứng dụng công nghệ thông tin, cải cách hành chính và chính quyền số năm 2025',
];
const KH_SUBJECTS = [
  'Triển khai phong trào “Bình dân học vụ số” trên địa bàn năm 2026',
  'Chuyển đổi số và bảo đảm an toàn thông tin mạng năm 2026',
  'Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  'Phát triển tổ công nghệ số cộng đồng giai đoạn 2025 - 2026',
];
const CV_SUBJECTS = [
  'báo cáo số liệu chuyển đổi số quý IV năm 2025',
  'cung cấp thông tin, số liệu về khoa học và công nghệ năm 2025',
  'báo cáo kết quả thực hiện Kế hoạch 02-KH/BCĐTW',
];

/** A subject over one to three lines, as a long title wraps; in capitals half the time. */
function titleLines(rng: Rng, subject: string, caps: boolean): string[] {
  const text = caps ? upper(subject) : subject;
  const words = text.split(' ');
  const parts = words.length < 9 ? 1 : int(rng, 1, Math.min(3, Math.floor(words.length / 4)));
  const out: string[] = [];
  const per = Math.ceil(words.length / parts);
  for (let i = 0; i < words.length; i += per) out.push(words.slice(i, i + per).join(' '));
  return out;
}

const SENDERS = [
  ['SKHCN-CĐS', 'Sở Khoa học và Công nghệ'],
  ['SKHCN-VP', 'Sở Khoa học và Công nghệ'],
  ['SKHCN-KHTC', 'Sở Khoa học và Công nghệ'],
  ['UBND-KGVX', 'Ủy ban nhân dân tỉnh'],
  ['BCĐ-VP', 'Ban Chỉ đạo'],
] as const;

const REQUEST_FORMS = [
  'thuc-hien',
  'comma-date',
  'words-date',
  'trien-khai',
  'theo-de-nghi',
  'plan-of-province',
  'two-requests',
  'nested',
  'can-cu-then',
  'colon-number',
  'spaced-symbol',
  'guidance',
] as const;

function citedDate(rng: Rng, words: boolean): string {
  const d = int(rng, 1, 28);
  const m = int(rng, 1, 11);
  if (words) return `ngày ${pad2(d)} tháng ${m} năm 2025`;
  return `ngày ${rng() < 0.5 ? pad2(d) : d}/${rng() < 0.5 ? pad2(m) : m}/2025`;
}

interface Cited {
  text: string;
  number: string;
}

function cited(rng: Rng, u: Unit, o: { kind?: string; words?: boolean; colon?: boolean }): Cited {
  const [symbol, sender] = pick(rng, SENDERS);
  let body: string = sender;
  const n = `${int(rng, 100, 4999)}/${symbol}`;
  const kind = o.kind ?? pick(rng, ['Công văn', 'Văn bản']);
  const where = body === 'Ủy ban nhân dân tỉnh' ? '' : ` ${provinceOf(u.provinceName)}`;
  // Offices shorten the Sở's name: "Sở KH&CN", "Sở KHCN".
  if (body.startsWith('Sở') && rng() < 0.3) body = pick(rng, ['Sở KH&CN', 'Sở KHCN']);
  const sep = o.colon ? 'số: ' : 'số ';
  return {
    text: `${kind} ${sep}${n} ${citedDate(rng, o.words ?? false)} của ${body}${where}`,
    number: n,
  };
}

const PURPOSES = [
  'về việc báo cáo kết quả thực hiện nhiệm vụ năm 2025',
  'về việc đề nghị cung cấp số liệu phục vụ tổng hợp',
  'về tăng cường triển khai các nhiệm vụ chuyển đổi số',
];

const BASES = [
  'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển ' +
    'khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
  'Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ;',
  'Căn cứ Kế hoạch số 01-KH/BCĐTW ngày 21/3/2025 của Ban Chỉ đạo Trung ương;',
];

/** The preamble's paragraphs and the documents it answers. */
function preamble(
  rng: Rng,
  u: Unit,
  form: (typeof REQUEST_FORMS)[number],
  self: string,
): { paragraphs: string[]; requests: string[] } {
  const end = pick(rng, [
    `, ${self} báo cáo như sau:`,
    `; ${self} báo cáo kết quả cụ thể như sau:`,
    `. ${self} báo cáo một số nội dung như sau:`,
  ]);
  const purpose = pick(rng, PURPOSES);
  switch (form) {
    case 'thuc-hien':
    case 'comma-date':
    case 'words-date':
    case 'colon-number': {
      const c = cited(rng, u, { words: form === 'words-date', colon: form === 'colon-number' });
      const text = form === 'comma-date' ? c.text.replace(/ ngày /, ', ngày ') : c.text;
      return { paragraphs: [`Thực hiện ${text} ${purpose}${end}`], requests: [c.number] };
    }
    case 'spaced-symbol': {
      const c = cited(rng, u, {});
      const spaced = c.text.replace(/\/([A-ZĐ]+)-/, (_, s: string) => `/${s} -`);
      return { paragraphs: [`Thực hiện ${spaced} ${purpose}${end}`], requests: [c.number] };
    }
    case 'trien-khai': {
      const c = cited(rng, u, {});
      return { paragraphs: [`Triển khai ${c.text} ${purpose}${end}`], requests: [c.number] };
    }
    case 'theo-de-nghi': {
      const c = cited(rng, u, { kind: 'Công văn' });
      const at = c.text.replace(/ của .*$/, '');
      const who = `Sở Khoa học và Công nghệ ${provinceOf(u.provinceName)}`;
      return { paragraphs: [`Theo đề nghị của ${who} tại ${at}${end}`], requests: [c.number] };
    }
    case 'plan-of-province': {
      const n = `${int(rng, 10, 399)}/KH-UBND`;
      const text =
        `Thực hiện Kế hoạch số ${n} ${citedDate(rng, rng() < 0.5)} của Ủy ban nhân dân ` +
        `${provinceOf(u.provinceName)} về chuyển đổi số năm 2025`;
      return { paragraphs: [`${text}${end}`], requests: [n] };
    }
    case 'two-requests': {
      const a = cited(rng, u, {});
      let b = cited(rng, u, {});
      while (b.number === a.number) b = cited(rng, u, {});
      return {
        paragraphs: [`Thực hiện ${a.text}; ${b.text} ${purpose}${end}`],
        requests: [a.number, b.number],
      };
    }
    case 'nested': {
      // The cited letter asks for a report on a plan: the plan is its subject, not a request.
      const c = cited(rng, u, { kind: 'Văn bản' });
      const plan = `Kế hoạch số ${int(rng, 10, 399)}/KH-UBND ngày ${int(rng, 1, 28)}/${int(rng, 1, 9)}/2025`;
      const text = `Thực hiện ${c.text} về việc báo cáo kết quả thực hiện ${plan} của UBND tỉnh`;
      return { paragraphs: [`${text}${end}`], requests: [c.number] };
    }
    case 'can-cu-then': {
      const c = cited(rng, u, {});
      const bases = [...BASES].sort(() => rng() - 0.5).slice(0, int(rng, 1, 3));
      return {
        paragraphs: [...bases, `Thực hiện ${c.text} ${purpose}${end}`],
        requests: [c.number],
      };
    }
    case 'guidance': {
      const n = `${int(rng, 1, 99)}/HD-SKHCN`;
      const text =
        `Thực hiện Hướng dẫn số ${n} ${citedDate(rng, false)} của Sở Khoa học và Công nghệ ` +
        'về chế độ báo cáo định kỳ';
      return { paragraphs: [`${text}${end}`], requests: [n] };
    }
  }
}

// --- Figures -----------------------------------------------------------------------------------

interface Figure {
  sentence: string;
  /** The figure as a table row: label, unit, result, rate; with what that row states. */
  row: string[];
  values: number[];
  fraction?: [number, number];
  rowValues: number[];
  rowFraction?: [number, number];
  style: string;
}

function share(rng: Rng) {
  const total = int(rng, 200, 30_000);
  const done = int(rng, Math.ceil(total * 0.4), total);
  return { done, total, pct: Math.round((done / total) * 1000) / 10 };
}

const FIGURES: ReadonlyArray<(rng: Rng) => Figure> = [
  (rng) => {
    const { pct } = share(rng);
    const gap = rng() < 0.5 ? ' ' : '';
    return {
      sentence: `Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt ${vnNumber(pct, 1)}${gap}%`,
      row: ['Tỷ lệ hồ sơ nộp trực tuyến', '%', vnNumber(pct, 1), ''],
      values: [pct],
      rowValues: [pct],
      style: gap ? 'percent-spaced' : 'percent',
    };
  },
  (rng) => {
    const { done, total, pct } = share(rng);
    return {
      sentence: `Giải quyết đúng hạn ${vnNumber(done)}/${vnNumber(total)} hồ sơ (đạt ${vnNumber(pct, 1)}%)`,
      row: [
        'Hồ sơ giải quyết đúng hạn',
        'hồ sơ',
        `${vnNumber(done)}/${vnNumber(total)}`,
        vnNumber(pct, 1),
      ],
      values: [pct],
      fraction: [done, total],
      rowValues: [pct],
      rowFraction: [done, total],
      style: 'ratio-percent',
    };
  },
  (rng) => {
    const { done, total } = share(rng);
    return {
      sentence:
        `Có ${vnNumber(done)} người đã kích hoạt tài khoản định danh điện tử mức độ 2 ` +
        `trên tổng số ${vnNumber(total)} người thuộc diện cấp`,
      row: ['Tài khoản định danh điện tử mức 2 đã kích hoạt', 'tài khoản', vnNumber(done), ''],
      values: [done],
      fraction: [done, total],
      rowValues: [done],
      style: 'of-total',
    };
  },
  (rng) => {
    const n = int(rng, 3, 45);
    const m = int(rng, n * 3, n * 9);
    return {
      sentence: `Thành lập ${n < 10 && rng() < 0.5 ? pad2(n) : n} tổ công nghệ số cộng đồng với ${m} thành viên`,
      row: ['Tổ công nghệ số cộng đồng', 'tổ', String(n), ''],
      values: [n, m],
      rowValues: [n],
      style: 'counts',
    };
  },
  (rng) => {
    const n = int(rng, 150, 9_000);
    return {
      sentence:
        `Bộ phận Một cửa tiếp nhận ${vnNumber(n)} hồ sơ TTHC, trong đó trả kết quả qua ` +
        `dịch vụ bưu chính công ích ${int(rng, 1, 99)} hồ sơ`,
      row: ['Hồ sơ TTHC tiếp nhận', 'hồ sơ', vnNumber(n), ''],
      values: [n],
      rowValues: [n],
      style: 'count-unit',
    };
  },
  (rng) => {
    const n = int(rng, 300, 12_000);
    return {
      sentence: `Số hộ gia đình được hướng dẫn cài đặt và sử dụng ứng dụng VNeID là ${vnNumber(n)} hộ`,
      row: ['Hộ được hướng dẫn sử dụng VNeID', 'hộ', vnNumber(n), ''],
      values: [n],
      rowValues: [n],
      style: 'households',
    };
  },
  (rng) => {
    const { done, total } = share(rng);
    const rows = Math.max(1, Math.round(total / 200));
    const ok = Math.min(rows, Math.max(1, Math.round((done / total) * rows)));
    return {
      sentence: `Hoàn thành ${ok}/${rows} chỉ tiêu chuyển đổi số được giao`,
      row: ['Chỉ tiêu chuyển đổi số hoàn thành', 'chỉ tiêu', `${ok}/${rows}`, ''],
      values: [],
      fraction: [ok, rows],
      rowValues: [],
      rowFraction: [ok, rows],
      style: 'ratio',
    };
  },
];

function figures(rng: Rng): Figure[] {
  return [...FIGURES]
    .sort(() => rng() - 0.5)
    .slice(0, int(rng, 1, 4))
    .map((f) => f(rng));
}

// --- Sections ----------------------------------------------------------------------------------

const WORDS: Record<string, readonly string[]> = {
  results: [
    'KẾT QUẢ TRIỂN KHAI THỰC HIỆN NHIỆM VỤ',
    'TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN',
    'CÔNG TÁC TRIỂN KHAI VÀ KẾT QUẢ ĐẠT ĐƯỢC',
    'ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN',
  ],
  difficulties: ['KHÓ KHĂN, VƯỚNG MẮC', 'MỘT SỐ HẠN CHẾ, KHÓ KHĂN', 'TỒN TẠI, HẠN CHẾ'],
  causes: ['NGUYÊN NHÂN', 'NGUYÊN NHÂN CỦA NHỮNG TỒN TẠI, HẠN CHẾ'],
  plan: [
    'NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI',
    'PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025',
    'NHIỆM VỤ TRỌNG TÂM NĂM 2026',
  ],
  proposals: ['KIẾN NGHỊ', 'ĐỀ XUẤT, KIẾN NGHỊ', 'NHỮNG ĐỀ XUẤT, KIẾN NGHỊ'],
  objectives: ['MỤC ĐÍCH, YÊU CẦU', 'MỤC TIÊU', 'MỤC TIÊU VÀ CHỈ TIÊU'],
  tasks: ['NHIỆM VỤ VÀ GIẢI PHÁP', 'NỘI DUNG VÀ GIẢI PHÁP THỰC HIỆN', 'NHIỆM VỤ CỤ THỂ'],
  organization: ['TỔ CHỨC THỰC HIỆN'],
  basis: ['CĂN CỨ XÂY DỰNG KẾ HOẠCH', 'CĂN CỨ PHÁP LÝ'],
};
/** The contract's kind of each heading family ("tasks" of a plan are its `plan`). */
const KIND_OF: Record<string, string> = { tasks: 'plan' };

const BC_ORDERS = [
  ['results', 'difficulties', 'proposals'],
  ['results', 'difficulties', 'causes', 'plan', 'proposals'],
  ['results', 'plan', 'proposals'],
  ['results', 'difficulties', 'plan'],
] as const;
// A plan often opens on the last period's results ("Phần thứ nhất: đánh giá …"): only there
// does it state figures; a plan without that part states targets, which are not results.
const KH_ORDERS = [
  ['objectives', 'tasks', 'organization'],
  ['results', 'objectives', 'tasks', 'organization'],
  ['basis', 'objectives', 'tasks', 'organization'],
] as const;

export const HEADING_FORMS = [
  'roman-dot',
  'roman-dash',
  'roman-slash',
  'part-ordinal',
  'part-roman',
  'part-roman-alone',
  'letter',
  'bare-caps',
  'sentence-roman',
] as const;
export type HeadingForm = (typeof HEADING_FORMS)[number];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const ORDINAL = ['thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu'];

function headingOf(form: HeadingForm, i: number, words: string): WildBlock {
  const sentence = words.charAt(0) + words.slice(1).toLocaleLowerCase('vi');
  switch (form) {
    case 'roman-dot':
      return { t: 'heading', label: `${ROMAN[i]}.`, words, labelAlone: false };
    case 'roman-dash':
      return { t: 'heading', label: `${ROMAN[i]}-`, words, labelAlone: false };
    case 'roman-slash':
      return { t: 'heading', label: `${ROMAN[i]}/`, words, labelAlone: false };
    case 'part-ordinal':
      return { t: 'heading', label: `Phần ${ORDINAL[i]}`, words, labelAlone: true };
    case 'part-roman':
      return { t: 'heading', label: `PHẦN ${ROMAN[i]}.`, words, labelAlone: false };
    case 'part-roman-alone':
      return { t: 'heading', label: `PHẦN ${ROMAN[i]}`, words, labelAlone: true };
    case 'letter':
      return { t: 'heading', label: `${'ABCDEF'[i]}.`, words, labelAlone: false };
    case 'bare-caps':
      return { t: 'heading', label: null, words, labelAlone: false };
    case 'sentence-roman':
      return { t: 'heading', label: `${ROMAN[i]}.`, words: sentence, labelAlone: false };
  }
}

const SUBS: Record<string, readonly string[]> = {
  results: [
    'Công tác lãnh đạo, chỉ đạo, điều hành',
    'Phát triển hạ tầng số và nền tảng số',
    'Về chính quyền số, cải cách thủ tục hành chính',
    'Kinh tế số và xã hội số',
  ],
  difficulties: ['Về nhân lực', 'Về trang thiết bị và kinh phí'],
  causes: ['Nguyên nhân khách quan', 'Nguyên nhân chủ quan'],
  plan: ['Tiếp tục tuyên truyền, nâng cao nhận thức', 'Hoàn thiện hạ tầng'],
  proposals: ['Đối với Sở Khoa học và Công nghệ', 'Đối với Ủy ban nhân dân tỉnh'],
  objectives: ['Mục đích', 'Yêu cầu'],
  tasks: ['Về hạ tầng số', 'Về phát triển nguồn nhân lực số', 'Về dữ liệu số'],
  organization: ['Văn phòng HĐND và UBND', 'Phòng Văn hóa - Xã hội', 'Các thôn, tổ dân phố'],
  // A plan's legal bases listed as its first part: cited documents, none of them a request.
  basis: [
    'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;',
    'Kế hoạch số 45/KH-UBND ngày 12 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh;',
    'Công văn số 1120/SKHCN-CĐS ngày 05/6/2025 của Sở Khoa học và Công nghệ.',
  ],
};
const PROSE: Record<string, readonly string[]> = {
  results: [
    'Ban hành các văn bản chỉ đạo, kiện toàn Ban Chỉ đạo và phân công thành viên phụ trách từng lĩnh vực.',
    'Duy trì hệ thống quản lý văn bản và điều hành; văn bản đi được ký số theo quy định.',
  ],
  difficulties: [
    'Đội ngũ công chức phụ trách công nghệ thông tin còn kiêm nhiệm, thiếu chuyên môn sâu.',
    'Máy tính tại bộ phận một cửa đã cũ, đường truyền có thời điểm chậm.',
  ],
  causes: ['Kinh phí bố trí cho chuyển đổi số còn hạn hẹp; địa bàn rộng, dân cư phân tán.'],
  plan: ['Đẩy mạnh hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình.'],
  proposals: ['Đề nghị hỗ trợ kinh phí nâng cấp trang thiết bị và tập huấn kỹ năng số.'],
  objectives: ['Bảo đảm triển khai đồng bộ, đúng tiến độ, gắn trách nhiệm người đứng đầu.'],
  tasks: ['Rà soát, bổ sung thiết bị; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.'],
  organization: ['Các bộ phận chủ động triển khai, định kỳ báo cáo kết quả về Văn phòng.'],
  basis: ['Tình hình thực tế của địa phương.'],
};

const SUB_FORMS = ['decimal', 'decimal-nested', 'letter'] as const;

function sectionBody(
  rng: Rng,
  family: string,
  subForm: (typeof SUB_FORMS)[number],
  figs: Figure[],
  figureWay: string,
): WildBlock[] {
  const out: WildBlock[] = [];
  const subs = [...SUBS[family]!].slice(0, int(rng, 1, 3));
  subs.forEach((s, i) => {
    const label = subForm === 'letter' ? `${'abcd'[i]})` : `${i + 1}.`;
    out.push({ t: 'sub', label, text: s, level: 1 });
    if (subForm === 'decimal-nested' && rng() < 0.6)
      out.push({ t: 'sub', label: `${i + 1}.1.`, text: pick(rng, SUBS[family]!), level: 2 });
    out.push({ t: 'p', text: `- ${pick(rng, PROSE[family]!)}` });
    if (family === 'results' && i === 0) {
      if (figureWay === 'table')
        out.push({
          t: 'table',
          rows: [
            ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Tỷ lệ (%)'],
            ...figs.map((f, k) => [String(k + 1), ...f.row]),
          ],
        });
      else for (const f of figs) out.push({ t: 'p', text: `- ${f.sentence}.` });
    }
  });
  return out;
}

// --- Signature ---------------------------------------------------------------------------------

const BLOCKS = [
  { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], title: 'CHỦ TỊCH', tag: 'TM' },
  {
    lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    title: 'PHÓ CHỦ TỊCH',
    tag: 'TM-KT',
  },
  { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', tag: 'KT' },
  { lines: ['Q. CHỦ TỊCH'], title: 'Q. CHỦ TỊCH', tag: 'Q' },
  { lines: ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], title: 'CHÁNH VĂN PHÒNG', tag: 'TL' },
  { lines: ['TUQ. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'], title: 'CHÁNH VĂN PHÒNG', tag: 'TUQ' },
  { lines: ['CHỦ TỊCH'], title: 'CHỦ TỊCH', tag: 'bare' },
] as const;

function signatureBlock(rng: Rng, kind: WildKind, u: Unit) {
  const b = pick(rng, BLOCKS);
  const who = personOf(rng);
  const mark = pick(rng, ['(Đã ký)', '(Ký, ghi rõ họ tên, đóng dấu)', '', '', '']);
  const typed = rng() < 0.15 ? upper(who.name) : who.name;
  const right = [...b.lines, ...(mark ? [mark] : []), typed];
  const level = LEVEL[u.level];
  const left = [
    'Nơi nhận:',
    kind === 'ke_hoach' ? '- Các bộ phận chuyên môn;' : '- Như trên;',
    ...(rng() < 0.5 ? [`- TT Đảng ủy, TT HĐND ${level};`] : []),
    ...(rng() < 0.5 ? ['- Chủ tịch, các PCT UBND;'] : []),
    pick(rng, ['- Lưu: VT.', '- Lưu: VT, VHXH.', '- Lưu VT, VP.']),
  ];
  return {
    block: { t: 'columns' as const, left, right, role: 'signature' as const },
    name: who.name,
    title: b.title,
    tags: { signature: b.tag, people: who.people },
  };
}

// --- Document ----------------------------------------------------------------------------------

const SYMBOLS: Record<WildKind, readonly string[]> = {
  bao_cao: ['BC-UBND', 'BC-UBND', 'BC-VHXH', 'BC-VP'],
  ke_hoach: ['KH-UBND', 'KH-UBND', 'KH-BCĐ'],
  cong_van: ['UBND-VHXH', 'UBND-VP', 'UBND-KT'],
};
const TYPE_WORD = { bao_cao: 'BÁO CÁO', ke_hoach: 'KẾ HOẠCH', cong_van: '' } as const;
const DOC_TYPE = { bao_cao: 'BAO_CAO', ke_hoach: 'KE_HOACH', cong_van: 'CONG_VAN' } as const;
const RECIPIENTS = ['single', 'list', 'inline-list', 'none'] as const;

function recipientBlocks(rng: Rng, u: Unit, form: (typeof RECIPIENTS)[number]): WildBlock[] {
  const dept = `Sở Khoa học và Công nghệ ${provinceOf(u.provinceName)}`;
  const other = pick(rng, [
    `Ủy ban nhân dân ${provinceOf(u.provinceName)}`,
    'Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh',
    `Văn phòng UBND ${provinceOf(u.provinceName)}`,
  ]);
  if (form === 'single') return [{ t: 'p', text: `Kính gửi: ${dept}.`, center: true }];
  if (form === 'list')
    return [
      { t: 'p', text: 'Kính gửi:', center: true },
      { t: 'p', text: `- ${dept};` },
      { t: 'p', text: `- ${other}.` },
    ];
  if (form === 'inline-list')
    return [
      { t: 'p', text: `Kính gửi: - ${dept};` },
      { t: 'p', text: `- ${other}.` },
    ];
  return [];
}

interface Head {
  blocks: WildBlock[];
  number: string | null;
  issuedOn: string | null;
  subject: string;
}

/** The header columns, the type word and the title (a công văn's subject is its V/v line). */
function headOf(rng: Rng, u: Unit, kind: WildKind, tags: Record<string, string>): Head {
  const issuerForm = pick(rng, HEADER_ISSUERS);
  const numberForm = pick(rng, NUMBER_FORMS);
  const dateForm = pick(rng, DATE_FORMS);
  Object.assign(tags, { issuer: issuerForm, number: numberForm, date: dateForm });
  const day = { d: int(rng, 1, 28), m: int(rng, 1, 12), y: 2025 };
  const num = numberLines(rng, numberForm, pick(rng, SYMBOLS[kind]));
  const date = dateLines(u, dateForm, day);
  const subjects = { bao_cao: BC_SUBJECTS, ke_hoach: KH_SUBJECTS, cong_van: CV_SUBJECTS }[kind];
  const subject = pick(rng, subjects);
  const caps = rng() < 0.5;
  tags.title = kind === 'cong_van' ? 'vv' : caps ? 'caps' : 'sentence';
  const vv = kind === 'cong_van' ? titleLines(rng, `V/v ${subject}`, false) : [];
  const left = [...issuerLines(rng, u, issuerForm), ...num.lines, ...vv];
  // The motto as a narrow column wraps it.
  const motto =
    rng() < 0.25
      ? ['CỘNG HÒA XÃ HỘI', 'CHỦ NGHĨA VIỆT NAM']
      : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'];
  tags.motto = motto.length > 1 ? 'split' : 'one-line';
  const right = [
    ...motto,
    'Độc lập - Tự do - Hạnh phúc',
    ...(rng() < 0.5 ? ['---------------'] : []),
    ...date.lines,
  ];
  const blocks: WildBlock[] = [{ t: 'columns', left, right, role: 'header' }];
  if (kind !== 'cong_van') {
    blocks.push({ t: 'p', text: TYPE_WORD[kind], bold: true, center: true });
    for (const l of titleLines(rng, subject, caps))
      blocks.push({ t: 'p', text: l, bold: true, center: true });
  }
  return { blocks, number: num.number, issuedOn: date.issuedOn, subject };
}

interface Body {
  blocks: WildBlock[];
  /** Figures in a "PHỤ LỤC" table after the signature, as many reports attach them. */
  appendix: WildBlock[];
  basisFirst: boolean;
  sectionKinds: string[];
  values: number[];
  fractions: Array<[number, number]>;
}

/** The parts under their headings (a công văn's figures stand in its paragraphs) and the close. */
function bodyOf(rng: Rng, kind: WildKind, self: string, tags: Record<string, string>): Body {
  const order = kind === 'bao_cao' ? pick(rng, BC_ORDERS) : pick(rng, KH_ORDERS);
  const figs = kind === 'cong_van' || order.includes('results' as never) ? figures(rng) : [];
  const way = kind === 'cong_van' ? 'prose' : pick(rng, ['prose', 'prose', 'table', 'appendix']);
  const inTable = way !== 'prose';
  tags.figures = inTable ? way : figs.map((f) => f.style).join('+');
  const rows = [
    ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Tỷ lệ (%)'],
    ...figs.map((f, k) => [String(k + 1), ...f.row]),
  ];
  const appendix: WildBlock[] =
    way === 'appendix' && figs.length
      ? [
          { t: 'p', text: 'PHỤ LỤC', bold: true, center: true },
          { t: 'p', text: 'SỐ LIỆU KẾT QUẢ THỰC HIỆN', bold: true, center: true },
          { t: 'p', text: '(Kèm theo Báo cáo của Ủy ban nhân dân)', italic: true, center: true },
          { t: 'table', rows },
        ]
      : [];
  const blocks: WildBlock[] = [];
  let sectionKinds: string[] = [];
  if (kind === 'cong_van') {
    for (const f of figs) blocks.push({ t: 'p', text: `- ${f.sentence}.` });
    blocks.push({ t: 'p', text: `${self} kính báo cáo./.` });
  } else {
    const form = pick(rng, HEADING_FORMS);
    const subForm = pick(rng, SUB_FORMS);
    Object.assign(tags, { heading: form, sub: subForm });
    order.forEach((family, i) => {
      blocks.push(headingOf(form, i, pick(rng, WORDS[family]!)));
      blocks.push(...sectionBody(rng, family, subForm, way === 'appendix' ? [] : figs, way));
    });
    sectionKinds = [...new Set(order.filter((f) => f !== 'basis').map((f) => KIND_OF[f] ?? f))];
    blocks.push({
      t: 'p',
      text:
        kind === 'bao_cao'
          ? `Trên đây là báo cáo của ${self}./.`
          : `Trên đây là Kế hoạch của ${self}; yêu cầu các bộ phận triển khai thực hiện./.`,
    });
  }
  return {
    blocks,
    appendix,
    basisFirst: order[0] === ('basis' as never),
    sectionKinds,
    values: [...new Set(figs.flatMap((f) => (inTable ? f.rowValues : f.values)))],
    fractions: figs.flatMap((f) => {
      const fr = inTable ? f.rowFraction : f.fraction;
      return fr ? [fr] : [];
    }),
  };
}

/**
 * The stamp the e-office prints on a digitally signed copy, above the header: who signed (the
 * committee, not a person), its mail, its province and the time.
 */
function stampLines(rng: Rng, u: Unit): string[] {
  const d = `${pad2(int(rng, 1, 28))}.${pad2(int(rng, 1, 12))}.2025`;
  return [
    `Ký bởi: Ủy ban nhân dân ${LEVEL[u.level]} ${u.name}`,
    `Email: ubnd${int(rng, 100, 999)}@${pick(rng, ['gov.vn', 'tinh.gov.vn'])}`,
    `Cơ quan: ${upper(provinceOf(u.provinceName)).charAt(0)}${provinceOf(u.provinceName).slice(1)}`,
    `Thời gian ký: ${d} ${pad2(int(rng, 7, 17))}:${pad2(int(rng, 0, 59))}:${pad2(int(rng, 0, 59))} +07:00`,
  ];
}

/** One document with its truth and the variation it took. */
export function generateWildDoc(rng: Rng, units: readonly Unit[]): WildDoc {
  const u = pick(rng, units);
  const kind = pick(rng, ['bao_cao', 'bao_cao', 'bao_cao', 'ke_hoach', 'cong_van'] as const);
  const tags: Record<string, string> = { kind };
  const head = headOf(rng, u, kind, tags);
  const self = pick(rng, [
    `UBND ${LEVEL[u.level]} ${u.name}`,
    `Ủy ban nhân dân ${LEVEL[u.level]} ${u.name}`,
    `Ủy ban nhân dân ${LEVEL[u.level]}`,
  ]);
  const recipientForm = kind === 'ke_hoach' ? 'none' : pick(rng, RECIPIENTS);
  tags.recipient = recipientForm;
  tags.request = pick(rng, REQUEST_FORMS);
  let pre = preamble(rng, u, tags.request as (typeof REQUEST_FORMS)[number], self);
  const body = bodyOf(rng, kind, self, tags);
  // A plan that lists its bases as its first part opens on that part, with no clause before it.
  if (body.basisFirst) {
    pre = { paragraphs: [], requests: [] };
    tags.request = 'basis-part';
  }
  const stamp = rng() < 0.25 ? stampLines(rng, u) : [];
  tags.stamp = stamp.length ? 'e-sign' : 'none';
  const sig = signatureBlock(rng, kind, u);
  Object.assign(tags, sig.tags);
  const blocks: WildBlock[] = [
    ...stamp.map((text) => ({ t: 'p' as const, text })),
    ...head.blocks,
    ...recipientBlocks(rng, u, recipientForm),
    ...pre.paragraphs.map((text) => ({ t: 'p' as const, text })),
    ...body.blocks,
    sig.block,
    ...body.appendix,
  ];
  const truth: Truth = {
    documentType: DOC_TYPE[kind],
    number: head.number,
    issuedOn: head.issuedOn,
    issuer: { level: u.level, name: u.name },
    province: u.provinceName,
    titleContains: head.subject,
    requestedBy: pre.requests,
    signer: { name: sig.name, title: sig.title },
    sectionKinds: body.sectionKinds,
    indicatorValues: body.values,
    indicatorFractions: body.fractions,
    indicatorKeys: {},
  };
  return { kind, unit: u, tags, blocks, truth };
}
