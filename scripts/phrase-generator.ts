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
