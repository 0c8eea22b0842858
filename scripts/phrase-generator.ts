// Sentences of the project's own making for the rules on what people read: opening and closing
// formulas in every wording (OCR-damaged too), points that are real difficulties and proposals,
// and correct phrases whose words look like OCR damage of more common ones.
import { ocrConfusions } from './report-damage.js';
import { pick, type Rng } from './report-generator.js';

const UNITS = ['xã Kỳ Xuân', 'phường Nam Hồng', 'xã Mường Nhé', 'đặc khu Cồn Cỏ', 'xã Ea Súp'];
const PERIODS = ['6 tháng đầu năm 2025', 'năm 2025', 'quý III năm 2025', '9 tháng năm 2025'];
const SUBJECTS = [
  'kết quả thực hiện chuyển đổi số',
  'tình hình thực hiện Nghị quyết số 57-NQ/TW',
  'kết quả triển khai Đề án 06',
  'kết quả phát triển khoa học, công nghệ và đổi mới sáng tạo',
];

/** A closing formula ("Trên đây là …", the hand-over, the end mark), as typed. */
export function closingFormula(rng: Rng): string {
  const unit = pick(rng, UNITS);
  const what = `${pick(rng, SUBJECTS)} ${pick(rng, PERIODS)}`;
  const wordings = [
    `Trên đây là báo cáo ${what} của UBND ${unit}./.`,
    `Trên đây là báo cáo ${what}, Ủy ban nhân dân ${unit} kính báo cáo Sở Khoa học và Công nghệ xem xét, tổng hợp./.`,
    `Trên đây là kết quả ${what} của Ủy ban nhân dân ${unit}.`,
    `Trên đây là tình hình ${what}; UBND ${unit} báo cáo để Sở Khoa học và Công nghệ biết, tổng hợp.`,
    `Trên đây là nội dung báo cáo ${what}.`,
    `Trên đây là báo cáo của Ủy ban nhân dân ${unit} về ${what}./.`,
    `Ủy ban nhân dân ${unit} kính báo cáo Sở Khoa học và Công nghệ xem xét, tổng hợp./.`,
    `UBND ${unit} báo cáo để Sở Khoa học và Công nghệ được biết, theo dõi.`,
  ];
  return pick(rng, wordings);
}

/** An opening formula: the addressee, or the clause citing the document answered. */
export function openingFormula(rng: Rng): string {
  const n = `${1 + Math.floor(rng() * 4000)}/SKHCN-QLKH`;
  const unit = pick(rng, UNITS);
  const dept = 'Sở Khoa học và Công nghệ';
  return pick(rng, [
    `Kính gửi: ${dept}.`,
    `Thực hiện Công văn số ${n} ngày 12/8/2025 của ${dept}, UBND ${unit} báo cáo như sau:`,
    `Căn cứ Kế hoạch số ${n} ngày 5/3/2025 của Ủy ban nhân dân ${unit};`,
    `Phúc đáp Công văn số ${n} của ${dept}, Ủy ban nhân dân ${unit} báo cáo cụ thể như sau:`,
  ]);
}

/** What OCR makes of a formula: letters confused, and the damage seen on real scans. */
export function damagedFormula(rng: Rng, formula: string): string {
  const scanned = formula
    .replace(/ là /g, () => pick(rng, [' 1a ', ' la ', ' là ', ' Ia ']))
    .replace(/báo cáo/g, () => pick(rng, ['báo có', 'bao cdo', 'béo cao', 'báo cáo']))
    .replace(/Trên đây/g, () => pick(rng, ['Trén day', 'Tren đây', 'Trên day', 'Trén đây']));
  return ocrConfusions(rng, scanned, 0.1);
}

/** Real points of a report: difficulties and proposals, some opening with the same verbs. */
export const REAL_POINTS = [
  'Kinh phí dành cho chuyển đổi số còn hạn chế, thiết bị tại bộ phận một cửa đã xuống cấp.',
  'Thực hiện chuyển đổi số ở các thôn vùng cao còn chậm do sóng di động yếu.',
  'Đề nghị Sở Khoa học và Công nghệ hỗ trợ kinh phí mua sắm máy tính cho bộ phận một cửa.',
  'Kính đề nghị UBND tỉnh bố trí biên chế công chức chuyên trách công nghệ thông tin.',
  'Hạ tầng khu vực ven biển thường xuyên mất điện khi có bão, ảnh hưởng đường truyền.',
  'Người dân trên địa bàn còn ngại sử dụng dịch vụ công trực tuyến.',
  'Đề nghị tổ chức tập huấn kỹ năng số cho tổ công nghệ số cộng đồng.',
];

/**
 * Correct phrases whose words are each one OCR confusion from a word the domain's phrases know
 * better ("ven biển" beside "văn bản", "tên miền", "bến"): repair must keep every one of them.
 */
export const VALID_LOOKALIKES = [
  'khu vực ven biển',
  'các xã ven biển và hải đảo',
  'đăng ký tên miền cho trang thông tin',
  'bến xe khách của xã',
  'tiền điện của trạm thu phát sóng',
  'bản đồ số của xã',
  'màn hình cảm ứng tại bộ phận một cửa',
  'tin nhắn thông báo đến người dân',
  'bên cạnh đó còn nhiều khó khăn',
  'mô hình chăn nuôi lợn sinh học',
  'dân tộc thiểu số vùng biên',
  'lên mạng tra cứu hồ sơ',
];

export interface FigureSentence {
  text: string;
  value: number;
  fraction?: [number, number];
  /** The catalogue key the figure must be filed under; null: under none. */
  key?: string | null;
  /** Keys it must never be filed under: it has some of their words, not their defining ones. */
  notKeys?: string[];
}

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const vn = (n: number, decimals = 0) => {
  const [i, f] = n.toFixed(decimals).split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${f ? `,${f}` : ''}`;
};

/** Figures written the way offices write them: around words, split lines, look-alike wordings. */
export function figureSentence(rng: Rng): FigureSentence {
  const b = int(rng, 200, 20_000);
  const a = int(rng, Math.floor(b / 2), b);
  const pct = Math.round((a / b) * 1000) / 10;
  const n = int(rng, 3, 90);
  const p = int(rng, 10, 95) + int(rng, 0, 9) / 10;
  const phrasings: Array<() => FigureSentence> = [
    () => ({
      text: `Đã tiếp nhận ${vn(a)} hồ sơ trên tổng số ${vn(b)} hồ sơ phát sinh`,
      value: a,
      fraction: [a, b],
    }),
    () => ({
      text: `Số hóa ${vn(a)} hồ sơ trên tổng số ${vn(b)} hồ sơ tiếp nhận, đạt ${vn(pct, 1)}%`,
      value: pct,
      fraction: [a, b],
    }),
    () => ({
      text: `Giải quyết đúng hạn đạt ${vn(a)}/${vn(b)} hồ sơ (${vn(pct, 1)}%)`,
      value: pct,
      fraction: [a, b],
    }),
    () => ({
      text: `Tổng số hồ sơ tiếp nhận trong kỳ là ${vn(b)}\nhồ sơ`,
      value: b,
      key: 'tthc_received_total',
    }),
    () => ({
      text: `Duy trì hoạt động của ${n} tổ công nghệ số cộng đồng tại các thôn`,
      value: n,
      key: 'community_digital_teams',
    }),
    () => ({ text: `Kiện toàn Tổ công nghệ số cộng đồng ở ${n} thôn`, value: n, key: null }),
    () => ({
      text: `Bố trí ${n * 10} triệu đồng cho nhiệm vụ chuyển đổi số, chiếm ${vn(p, 1)}% tổng chi ngân sách`,
      value: n * 10,
      key: null,
    }),
    () => ({
      text: `Tỷ lệ dân số trưởng thành có chữ ký số cá nhân đạt ${vn(p, 1)}%`,
      value: p,
      key: 'adult_digital_signature_rate',
      notKeys: ['adult_digital_service_rate'],
    }),
    () => ({
      text: `Tỷ lệ người trưởng thành có điện thoại thông minh đạt ${vn(p, 1)}%`,
      value: p,
      key: null,
    }),
    () => ({ text: `Trên địa bàn có ${n} tổ dân phố và thôn`, value: n, key: null }),
    () => ({ text: `Trang bị ${n} máy in cho bộ phận một cửa`, value: n, key: null }),
    () => ({
      text: `Số hóa ${vn(b)} hồ sơ lưu trữ của xã`,
      value: b,
      notKeys: ['tthc_received_total'],
    }),
    () => ({ text: `Phấn đấu ${vn(p, 1)}% hồ sơ được số hóa`, value: p, key: null }),
    () => ({
      text: `Toàn xã có ${n} máy tính phục vụ công tác chuyên môn`,
      value: n,
      key: 'computers',
    }),
  ];
  return pick(rng, phrasings)();
}
