// Documents of the kinds communes send besides their report, written apart from
// scripts/report-generator.ts so that the reader is measured on what its rules were not written
// on: quyết định (title under QUYẾT ĐỊNH, the authority line, "Căn cứ" bases, Điều 1./2./3.),
// tờ trình, kế hoạch, công văn (a "V/v" subject wrapped over two lines), drafts, reports with
// other section orders and headings told by Word's numbering, typed numerals or bold capitals
// alone, figures in sentences and in tables, and units whose name several provinces share, with
// and without a clue to the province in the text. Each document is a list of blocks with its
// truth; scripts/kinds-render.ts writes it as text, DOCX or PDF.
import type { Unit } from '../shared/schemas/unit.js';
import { fold } from '../shared/text/fold.js';
import { personName, type Rng, SIGNER_BLOCKS, type Truth } from './report-generator.js';

export type Kind = 'bao_cao' | 'ke_hoach' | 'cong_van' | 'quyet_dinh' | 'to_trinh';
export type HeadingStyle = 'typed' | 'word' | 'bold';
export type ProvinceClue = 'kinh-gui' | 'province-line' | 'request' | 'place' | 'none';

/** A heading: its label as typed or as Word numbers it (null when told by bold capitals alone). */
export interface HeadingBlock {
  t: 'heading';
  label: string | null;
  words: string;
}
export type KindBlock =
  | { t: 'p'; text: string; bold?: boolean; center?: boolean }
  | HeadingBlock
  | { t: 'columns'; left: string[]; right: string[]; role: 'header' | 'signature' }
  | { t: 'table'; rows: string[][] };

export interface KindDoc {
  kind: Kind;
  draft: boolean;
  headingStyle: HeadingStyle;
  /** How the headings are labelled (typed, or the format Word numbers them in). */
  scheme: LabelScheme;
  clue: ProvinceClue;
  unit: Unit;
  blocks: KindBlock[];
  truth: Truth;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const LEVEL = { xa: 'xã', phuong: 'phường', dac_khu: 'đặc khu' } as const;
const CITIES = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Huế', 'Cần Thơ', 'Hồ Chí Minh']);

/** "tỉnh Nghệ An", "thành phố Cần Thơ". */
export const provinceWords = (name: string) => `${CITIES.has(name) ? 'thành phố' : 'tỉnh'} ${name}`;

function vn(n: number, decimals = 0): string {
  const [i, f] = n.toFixed(decimals).split('.');
  const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${grouped},${f}` : grouped;
}

// The name as typed with its marks, the two tone-mark styles ("Hòa"/"Hoà") made one.
const spelled = (name: string) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([àáảãạ])/g, (_, a: string) => `${'òóỏõọ'['àáảãạ'.indexOf(a)]}a`)
    .replace(/u([ỳýỷỹỵ])/g, (_, y: string) => `${'ùúủũụ'['ỳýỷỹỵ'.indexOf(y)]}y`);

/**
 * Whether another unit of the same level shares this unit's name as typed (diacritics and all):
 * then only the province tells which one is meant.
 */
export function sharesName(unit: Unit, units: readonly Unit[]): boolean {
  const k = fold(unit.name);
  const typed = spelled(unit.name);
  return units.some(
    (u) => u !== unit && u.level === unit.level && fold(u.name) === k && spelled(u.name) === typed,
  );
}

// --- Figures: sentences and table rows, worded otherwise than the report generator's ---------

interface KindFigure {
  sentence: string;
  row: string[];
  values: number[];
  fraction?: [number, number];
}

function rate(rng: Rng): { done: number; total: number; pct: number } {
  const total = int(rng, 300, 25_000);
  const done = int(rng, Math.floor(total * 0.5), total);
  return { done, total, pct: Math.round((done / total) * 1000) / 10 };
}

const FIGURE_MAKERS: ReadonlyArray<(rng: Rng) => KindFigure> = [
  (rng) => {
    const { done, total, pct } = rate(rng);
    return {
      sentence: `Số tài khoản định danh điện tử đã kích hoạt: ${vn(done)}/${vn(total)} tài khoản (đạt ${vn(pct, 1)}%)`,
      row: ['Kích hoạt tài khoản định danh điện tử', 'tài khoản', vn(done), vn(total), vn(pct, 1)],
      values: [pct],
      fraction: [done, total],
    };
  },
  (rng) => {
    const n = int(rng, 120, 6_000);
    return {
      sentence: `Tiếp nhận ${vn(n)} hồ sơ thủ tục hành chính trong kỳ`,
      row: ['Hồ sơ thủ tục hành chính tiếp nhận', 'hồ sơ', vn(n), '', ''],
      values: [n],
    };
  },
  (rng) => {
    const n = int(rng, 2, 40);
    return {
      sentence: `Duy trì ${n} tổ công nghệ số cộng đồng ở các thôn, tổ dân phố`,
      row: ['Tổ công nghệ số cộng đồng', 'tổ', String(n), '', ''],
      values: [n],
    };
  },
  (rng) => {
    const { done, total, pct } = rate(rng);
    return {
      sentence: `Hồ sơ dịch vụ công trực tuyến: ${vn(done)}/${vn(total)} hồ sơ, đạt tỷ lệ ${vn(pct, 1)}%`,
      row: ['Hồ sơ nộp trực tuyến', 'hồ sơ', vn(done), vn(total), vn(pct, 1)],
      values: [pct],
      fraction: [done, total],
    };
  },
  (rng) => {
    const n = int(rng, 8, 90);
    return {
      sentence: `Trang bị ${n} máy vi tính cho cán bộ, công chức`,
      row: ['Máy vi tính phục vụ công tác', 'máy', String(n), '', ''],
      values: [n],
    };
  },
];

function figuresOf(rng: Rng): KindFigure[] {
  const makers = [...FIGURE_MAKERS].sort(() => rng() - 0.5).slice(0, int(rng, 1, 3));
  return makers.map((m) => m(rng));
}

function figureTable(figures: KindFigure[]): KindBlock {
  const header = ['TT', 'Nội dung', 'ĐVT', 'Kết quả thực hiện', 'Chỉ tiêu giao', 'Tỷ lệ (%)'];
  return { t: 'table', rows: [header, ...figures.map((f, i) => [String(i + 1), ...f.row])] };
}

export interface Setting {
  rng: Rng;
  unit: Unit;
  clue: ProvinceClue;
  /** A province named in the body that is not the unit's: never a clue to it. */
  distractor: string | null;
}

// --- Names and signatures ---------------------------------------------------------------------

const QD_SIGNERS = [
  { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], title: 'CHỦ TỊCH' },
  { lines: ['CHỦ TỊCH'], title: 'CHỦ TỊCH' },
  { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' },
] as const;

/** A signature block of Nghị định 30 (TM./KT./Q./TL./TUQ.) with the name under it. */
export function signature(rng: Rng, kind: Kind): { block: KindBlock; name: string; title: string } {
  const t = kind === 'quyet_dinh' ? pick(rng, QD_SIGNERS) : pick(rng, SIGNER_BLOCKS);
  const name = personName(rng);
  const seal = pick(rng, ['(Đã ký)', '(Ký, đóng dấu)', '', '']);
  const right = [...t.lines, seal, rng() < 0.15 ? name.toUpperCase() : name].filter(Boolean);
  const left = ['Nơi nhận:', kind === 'quyet_dinh' ? '- Như Điều 3;' : '- Như trên;'];
  if (rng() < 0.5) left.push('- TT Đảng ủy, HĐND xã;');
  left.push('- Lưu: VT, VP.');
  return { block: { t: 'columns', left, right, role: 'signature' }, name, title: t.title };
}

/** Truth common to every kind; the kind's builder fills the rest. */
export function baseTruth(unit: Unit, ambiguous: boolean, clue: ProvinceClue): Truth {
  const known = !ambiguous || clue !== 'none';
  return {
    documentType: 'OTHER',
    number: null,
    issuedOn: null,
    issuer: { level: unit.level, name: known ? unit.name : null },
    province: known ? unit.provinceName : null,
    titleContains: '',
    requestedBy: [],
    signer: { name: null, title: null },
    sectionKinds: [],
    indicatorValues: [],
    indicatorFractions: [],
    indicatorKeys: {},
  };
}

// --- Header, title, clues ---------------------------------------------------------------------

interface Frame {
  s: Setting;
  kind: Kind;
  draft: boolean;
  number: string | null;
  date: { d: number; m: number; y: number } | null;
  /** "xã Tân An" as the body names the unit. */
  self: string;
}

const SYMBOL: Record<Kind, string> = {
  bao_cao: 'BC-UBND',
  ke_hoach: 'KH-UBND',
  cong_van: 'UBND-VP',
  quyet_dinh: 'QĐ-UBND',
  to_trinh: 'TTr-UBND',
};

// How a draft says so: a line above the title, a bar-like mark, a bracketed one, a numbered one.
const DRAFT_MARKS = ['DỰ THẢO', '- Dự thảo -', '(Dự thảo)', 'Dự thảo lần 2', 'DỰ THẢO LẦN 3'];

function headerBlock(f: Frame, subject: string[] | null): KindBlock {
  const { unit, clue, rng } = f.s;
  const left: string[] = [];
  if (clue === 'province-line')
    left.push(
      rng() < 0.5
        ? `UBND ${provinceWords(unit.provinceName).toUpperCase()}`
        : provinceWords(unit.provinceName).toUpperCase(),
    );
  left.push(pick(rng, ['ỦY BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN']));
  left.push(`${LEVEL[unit.level]} ${unit.name}`.toUpperCase());
  left.push(f.number ? `Số: ${f.number}` : `Số:       /${SYMBOL[f.kind]}`);
  if (subject) left.push(...subject);
  const place = clue === 'place' ? unit.provinceName : unit.name;
  const when = f.date
    ? rng() < 0.25
      ? `ngày ${String(f.date.d).padStart(2, '0')}/${String(f.date.m).padStart(2, '0')}/${f.date.y}`
      : `ngày ${f.date.d} tháng ${f.date.m} năm ${f.date.y}`
    : 'ngày      tháng      năm 2026';
  const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
  right.push(`${place}, ${when}`);
  return { t: 'columns', left, right, role: 'header' };
}

/** "Sở Khoa học và Công nghệ", with its province when the clue is the Sở's name. */
function department(f: Frame, withProvince: boolean): string {
  const name = pick(f.s.rng, ['Sở Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ']);
  return withProvince ? `${name} ${provinceWords(f.s.unit.provinceName)}` : name;
}

function recipientLine(f: Frame): KindBlock {
  return { t: 'p', text: `Kính gửi: ${department(f, f.s.clue === 'kinh-gui')}.` };
}

/** A subject over one or two lines, as a long title wraps. */
function wrapped(rng: Rng, subject: string): string[] {
  const words = subject.split(' ');
  if (words.length < 8 || rng() < 0.4) return [subject];
  const cut = int(rng, Math.floor(words.length / 2) - 1, Math.floor(words.length / 2) + 2);
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
}

const docDate = (rng: Rng, y = 2025) => `${int(rng, 1, 28)}/${int(rng, 1, 12)}/${y}`;

/** A request the document answers: "Thực hiện Công văn số … của Sở … [tỉnh X] về việc …". */
function requestClause(f: Frame): { text: string; number: string } {
  const { rng } = f.s;
  const number = `${int(rng, 100, 4999)}/${pick(rng, ['SKHCN-CĐS', 'SKHCN-QLKH', 'SKHCN-VP'])}`;
  const body = department(f, f.s.clue === 'request');
  return {
    text:
      `Thực hiện Công văn số ${number} ngày ${docDate(rng)} của ${body} ` +
      'về việc báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số',
    number,
  };
}

/** A sentence naming another province: a visit, a comparison; never the unit's province. */
function distractorLine(f: Frame): KindBlock[] {
  if (!f.s.distractor) return [];
  const text = pick(f.s.rng, [
    `Cử 02 công chức tham gia đoàn học tập kinh nghiệm chuyển đổi số tại ${provinceWords(f.s.distractor)}.`,
    `Tiếp và làm việc với đoàn công tác của ${provinceWords(f.s.distractor)} về mô hình tổ công nghệ số.`,
  ]);
  return [{ t: 'p', text }];
}

// --- Sections ---------------------------------------------------------------------------------

const REPORT_HEADINGS: Record<string, readonly string[]> = {
  results: [
    'ĐÁNH GIÁ KẾT QUẢ TRIỂN KHAI',
    'CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ KẾT QUẢ ĐẠT ĐƯỢC',
    'KẾT QUẢ ĐẠT ĐƯỢC',
  ],
  difficulties: ['HẠN CHẾ, BẤT CẬP', 'TỒN TẠI, VƯỚNG MẮC', 'NHỮNG KHÓ KHĂN'],
  causes: ['NGUYÊN NHÂN CỦA HẠN CHẾ'],
  plan: ['NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI', 'PHƯƠNG HƯỚNG NĂM 2026'],
  proposals: ['KIẾN NGHỊ, ĐỀ XUẤT', 'ĐỀ XUẤT'],
};
const REPORT_ORDERS = [
  ['results', 'proposals'],
  ['results', 'difficulties', 'plan'],
  ['results', 'causes', 'difficulties', 'proposals'],
  ['results', 'plan', 'difficulties', 'proposals'],
  ['results', 'difficulties', 'causes', 'plan', 'proposals'],
] as const;
const PLAN_HEADINGS: Record<string, readonly string[]> = {
  objectives: ['MỤC ĐÍCH, YÊU CẦU', 'MỤC TIÊU'],
  plan: ['NHIỆM VỤ, GIẢI PHÁP', 'NHIỆM VỤ TRỌNG TÂM'],
  organization: ['TỔ CHỨC THỰC HIỆN'],
};
const PLAN_ORDERS = [
  ['objectives', 'plan', 'organization'],
  ['objectives', 'plan', 'other', 'organization'],
  ['plan', 'organization'],
] as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** Labels as typed or as Word numbers them: "I.", "PHẦN I.", "1.", "A."; none for bold capitals. */
export type LabelScheme = 'roman' | 'part' | 'decimal' | 'letter';

export function labelOf(scheme: LabelScheme, i: number): string {
  if (scheme === 'roman') return `${ROMAN[i]}.`;
  if (scheme === 'part') return `PHẦN ${ROMAN[i]}.`;
  if (scheme === 'decimal') return `${i + 1}.`;
  return `${'ABCDEF'[i]}.`;
}

const FILLER = [
  'Bộ phận một cửa thực hiện tiếp nhận, trả kết quả trên hệ thống thông tin giải quyết thủ tục hành chính.',
  'Đường truyền tại trụ sở có lúc gián đoạn; thiết bị của một số thôn đã xuống cấp.',
  'Tiếp tục tuyên truyền người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.',
  'Một số cán bộ kiêm nhiệm chưa được bồi dưỡng chuyên sâu về chuyển đổi số.',
];

interface SectionPlan {
  kinds: readonly string[];
  headings: Record<string, readonly string[]>;
  figures: KindFigure[];
  table: boolean;
}

function sectionBlocks(f: Frame, p: SectionPlan, style: HeadingStyle, scheme: LabelScheme) {
  const { rng } = f.s;
  const blocks: KindBlock[] = [];
  p.kinds.forEach((kind, i) => {
    const words = kind === 'other' ? 'KINH PHÍ THỰC HIỆN' : pick(rng, p.headings[kind]!);
    const label = style === 'bold' ? null : labelOf(scheme, i);
    blocks.push({ t: 'heading', label, words });
    blocks.push({ t: 'p', text: pick(rng, FILLER) });
    if (kind === 'results') {
      blocks.push(...distractorLine(f));
      if (p.table) blocks.push(figureTable(p.figures));
      else for (const fig of p.figures) blocks.push({ t: 'p', text: `- ${fig.sentence};` });
    }
  });
  return blocks;
}

// --- The kinds --------------------------------------------------------------------------------

interface Built {
  blocks: KindBlock[];
  title: string;
  requests: string[];
  sectionKinds: string[];
  figures: KindFigure[];
}

const REPORT_SUBJECTS = [
  'Kết quả thực hiện nhiệm vụ chuyển đổi số năm 2025 và phương hướng năm 2026',
  'Kết quả triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn',
  'Tình hình ứng dụng khoa học, công nghệ và chuyển đổi số quý IV năm 2025',
];

function reportKind(f: Frame, style: HeadingStyle, scheme: LabelScheme): Built {
  const { rng } = f.s;
  const subject = pick(rng, REPORT_SUBJECTS);
  const req = requestClause(f);
  const kinds = pick(rng, REPORT_ORDERS);
  const figures = figuresOf(rng);
  const plan = { kinds, headings: REPORT_HEADINGS, figures, table: rng() < 0.35 };
  const blocks: KindBlock[] = [
    { t: 'p', text: 'BÁO CÁO', bold: true, center: true },
    ...wrapped(rng, subject).map((text) => ({ t: 'p' as const, text, bold: true, center: true })),
    recipientLine(f),
    { t: 'p', text: `${req.text}, Ủy ban nhân dân ${f.self} báo cáo như sau:` },
    ...sectionBlocks(f, plan, style, scheme),
    { t: 'p', text: `Trên đây là báo cáo của Ủy ban nhân dân ${f.self}./.` },
  ];
  return {
    blocks,
    title: subject,
    requests: [req.number],
    sectionKinds: [...new Set(kinds)],
    figures,
  };
}

function planKind(f: Frame, style: HeadingStyle, scheme: LabelScheme): Built {
  const { rng } = f.s;
  const subject = pick(rng, [
    `Chuyển đổi số ${f.self} năm 2026`,
    'Triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, ' +
      'công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026',
  ]);
  const n = `${int(rng, 10, 400)}/KH-UBND`;
  // A plan has no addressee: the province's clue is the superior's plan it carries out.
  const superior =
    f.s.clue === 'request' || f.s.clue === 'kinh-gui'
      ? `Ủy ban nhân dân ${provinceWords(f.s.unit.provinceName)}`
      : 'Ủy ban nhân dân tỉnh';
  const kinds = pick(rng, PLAN_ORDERS);
  const plan = { kinds, headings: PLAN_HEADINGS, figures: [], table: false };
  const blocks: KindBlock[] = [
    { t: 'p', text: 'KẾ HOẠCH', bold: true, center: true },
    ...wrapped(rng, subject).map((text) => ({ t: 'p' as const, text, bold: true, center: true })),
    {
      t: 'p',
      text:
        `Thực hiện Kế hoạch số ${n} ngày ${docDate(rng)} của ${superior} về chuyển đổi số ` +
        `năm 2026; Ủy ban nhân dân ${f.self} ban hành Kế hoạch thực hiện như sau:`,
    },
    ...distractorLine(f),
    ...sectionBlocks(f, plan, style, scheme),
  ];
  const sectionKinds = [...new Set(kinds.filter((k) => k !== 'other'))];
  return { blocks, title: subject, requests: [n], sectionKinds, figures: [] };
}

function letterKind(f: Frame): Built {
  const { rng } = f.s;
  const req = requestClause(f);
  const figures = figuresOf(rng);
  const blocks: KindBlock[] = [
    recipientLine(f),
    { t: 'p', text: `${req.text}, Ủy ban nhân dân ${f.self} báo cáo kết quả như sau:` },
    ...figures.map((x) => ({ t: 'p' as const, text: `- ${x.sentence}.` })),
    ...distractorLine(f),
    { t: 'p', text: `Ủy ban nhân dân ${f.self} kính báo cáo Sở Khoa học và Công nghệ tổng hợp./.` },
  ];
  return { blocks, title: '', requests: [req.number], sectionKinds: [], figures };
}

/** The legal bases of a quyết định or tờ trình: laws, a decision, the province's plan, a letter. */
function bases(f: Frame): string[] {
  const { rng, unit, clue } = f.s;
  const superior =
    clue === 'request' || clue === 'kinh-gui'
      ? `Ủy ban nhân dân ${provinceWords(unit.provinceName)}`
      : 'Ủy ban nhân dân tỉnh';
  const out = [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    `Căn cứ Quyết định số ${int(rng, 100, 2000)}/QĐ-TTg ngày ${docDate(rng, 2024)} ` +
      'của Thủ tướng Chính phủ về chuyển đổi số;',
    `Căn cứ Kế hoạch số ${int(rng, 10, 400)}/KH-UBND ngày ${docDate(rng)} của ${superior} về chuyển đổi số năm 2026;`,
  ];
  if (rng() < 0.5)
    out.push(
      `Căn cứ Công văn số ${int(rng, 100, 4000)}/SKHCN-CĐS ngày ${docDate(rng)} ` +
        'của Sở Khoa học và Công nghệ về việc kiện toàn bộ máy chỉ đạo;',
    );
  return out.slice(rng() < 0.3 ? 1 : 0);
}

const QD_SUBJECTS = [
  'Về việc kiện toàn Ban Chỉ đạo chuyển đổi số',
  'Về việc thành lập Tổ công nghệ số cộng đồng',
  'Ban hành Kế hoạch chuyển đổi số năm 2026',
];

function decisionKind(f: Frame): Built {
  const { rng } = f.s;
  let subject = `${pick(rng, QD_SUBJECTS)} ${f.self}${rng() < 0.5 ? ' năm 2026' : ''}`;
  if (rng() < 0.25) subject = subject.toUpperCase();
  const authority =
    rng() < 0.5 ? `ỦY BAN NHÂN DÂN ${f.self}` : `CHỦ TỊCH ỦY BAN NHÂN DÂN ${f.self}`;
  const official = `${pick(rng, ['Ông', 'Bà'])} ${personName(rng)}`;
  const proposal =
    'Theo đề nghị của Công chức Văn phòng - Thống kê tại ' +
    `Tờ trình số ${int(rng, 1, 99)}/TTr-VP ngày ${docDate(rng, 2026)}.`;
  const blocks: KindBlock[] = [
    { t: 'p', text: 'QUYẾT ĐỊNH', bold: true, center: true },
    ...wrapped(rng, subject).map((text) => ({ t: 'p' as const, text, bold: true, center: true })),
    { t: 'p', text: authority.toUpperCase(), bold: true, center: true },
    ...bases(f).map((text) => ({ t: 'p' as const, text })),
    { t: 'p', text: proposal },
    { t: 'p', text: 'QUYẾT ĐỊNH:', bold: true, center: true },
    {
      t: 'p',
      text: `Điều 1. Kiện toàn Ban Chỉ đạo chuyển đổi số ${f.self}, gồm các ông, bà có tên sau:`,
    },
    { t: 'p', text: `1. ${official}, Chủ tịch UBND xã - Trưởng ban;` },
    { t: 'p', text: `2. Ông ${personName(rng)}, Phó Chủ tịch UBND xã - Phó Trưởng ban.` },
    ...distractorLine(f),
    {
      t: 'p',
      text: 'Điều 2. Ban Chỉ đạo có nhiệm vụ giúp Ủy ban nhân dân chỉ đạo chuyển đổi số trên địa bàn.',
    },
    {
      t: 'p',
      text:
        'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng và các ông, bà có tên ' +
        'tại Điều 1 chịu trách nhiệm thi hành./.',
    },
  ];
  return { blocks, title: subject, requests: [], sectionKinds: [], figures: [] };
}

function submissionKind(f: Frame): Built {
  const { rng } = f.s;
  const subject = `Về việc đề nghị hỗ trợ kinh phí triển khai chuyển đổi số ${f.self} năm 2026`;
  const figures = figuresOf(rng).slice(0, 1);
  const blocks: KindBlock[] = [
    { t: 'p', text: 'TỜ TRÌNH', bold: true, center: true },
    ...wrapped(rng, subject).map((text) => ({ t: 'p' as const, text, bold: true, center: true })),
    recipientLine(f),
    ...bases(f).map((text) => ({ t: 'p' as const, text })),
    { t: 'p', text: `Ủy ban nhân dân ${f.self} kính trình Sở Khoa học và Công nghệ nội dung sau:` },
    ...figures.map((x) => ({ t: 'p' as const, text: `- ${x.sentence}.` })),
    ...distractorLine(f),
    { t: 'p', text: `Kính trình Sở Khoa học và Công nghệ xem xét, quyết định./.` },
  ];
  return { blocks, title: subject, requests: [], sectionKinds: [], figures };
}

// --- One document -----------------------------------------------------------------------------

export const KINDS: readonly Kind[] = ['bao_cao', 'ke_hoach', 'cong_van', 'quyet_dinh', 'to_trinh'];
const CLUES: readonly ProvinceClue[] = ['kinh-gui', 'province-line', 'request', 'place', 'none'];
const TYPE: Record<Kind, Truth['documentType']> = {
  bao_cao: 'BAO_CAO',
  ke_hoach: 'KE_HOACH',
  cong_van: 'CONG_VAN',
  quyet_dinh: 'OTHER',
  to_trinh: 'OTHER',
};

function built(f: Frame, style: HeadingStyle, scheme: LabelScheme): Built {
  switch (f.kind) {
    case 'bao_cao':
      return reportKind(f, style, scheme);
    case 'ke_hoach':
      return planKind(f, style, scheme);
    case 'cong_van':
      return letterKind(f);
    case 'quyet_dinh':
      return decisionKind(f);
    case 'to_trinh':
      return submissionKind(f);
  }
}

/** A công văn's subject under its number: "V/v …", wrapped over two lines more often than not. */
function letterSubject(rng: Rng): { lines: string[]; title: string } {
  const title = pick(rng, [
    'báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW năm 2025',
    'báo cáo số liệu chuyển đổi số quý IV năm 2025',
  ]);
  const words = title.split(' ');
  const cut = int(rng, 3, 5);
  const lines =
    rng() < 0.7
      ? [`V/v ${words.slice(0, cut).join(' ')}`, words.slice(cut).join(' ')]
      : [`V/v ${title}`];
  return { lines, title };
}

export interface KindOptions {
  kind?: Kind;
  draft?: boolean;
  clue?: ProvinceClue;
  headingStyle?: HeadingStyle;
}

function frameOf(rng: Rng, units: readonly Unit[], shared: readonly Unit[], o: KindOptions) {
  const unit = rng() < 0.5 && shared.length ? pick(rng, shared) : pick(rng, units);
  const kind = o.kind ?? pick(rng, KINDS);
  const draft = o.draft ?? rng() < 0.15;
  const clue = o.clue ?? pick(rng, CLUES);
  const others = [...new Set(units.map((u) => u.provinceName))].filter(
    (p) => p !== unit.provinceName,
  );
  const distractor = rng() < 0.3 ? pick(rng, others) : null;
  const date = draft ? null : { d: int(rng, 1, 28), m: int(rng, 1, 12), y: 2026 };
  const number = draft ? null : `${int(rng, 1, 450)}/${SYMBOL[kind]}`;
  const self = `${LEVEL[unit.level]} ${unit.name}`;
  const f: Frame = { s: { rng, unit, clue, distractor }, kind, draft, number, date, self };
  return f;
}

/**
 * One document with its truth. `shared`: units whose name another province's unit of the same
 * level has; half the documents come from them.
 */
export function generateKindDoc(
  rng: Rng,
  units: readonly Unit[],
  shared: readonly Unit[],
  o: KindOptions = {},
): KindDoc {
  const f = frameOf(rng, units, shared, o);
  const style = o.headingStyle ?? pick(rng, ['typed', 'word', 'bold'] as const);
  const scheme = pick(rng, ['roman', 'roman', 'part', 'decimal', 'letter'] as const);
  const body = built(f, style, scheme);
  const subject = f.kind === 'cong_van' ? letterSubject(rng) : null;
  const sig = signature(rng, f.kind);
  const mark = f.draft
    ? [{ t: 'p' as const, text: pick(rng, DRAFT_MARKS), bold: true, center: true }]
    : [];
  const blocks = [headerBlock(f, subject?.lines ?? null), ...mark, ...body.blocks, sig.block];
  const truth = baseTruth(f.s.unit, sharesName(f.s.unit, units), f.s.clue);
  Object.assign(truth, {
    documentType: TYPE[f.kind],
    number: f.number,
    issuedOn: f.date
      ? `${f.date.y}-${String(f.date.m).padStart(2, '0')}-${String(f.date.d).padStart(2, '0')}`
      : null,
    titleContains: subject?.title ?? body.title,
    requestedBy: body.requests,
    signer: f.draft ? { name: null, title: null } : { name: sig.name, title: sig.title },
    sectionKinds: body.sectionKinds,
    indicatorValues: body.figures.flatMap((x) => x.values),
    indicatorFractions: body.figures.flatMap((x) => (x.fraction ? [x.fraction] : [])),
  });
  return {
    kind: f.kind,
    draft: f.draft,
    headingStyle: style,
    scheme,
    clue: f.s.clue,
    unit: f.s.unit,
    blocks,
    truth,
  };
}
