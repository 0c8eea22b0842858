import type { Unit } from '../shared/schemas/unit.js';
import { unitLabel } from '../shared/vocabulary/unit-names.js';

export interface ReportTextOptions {
  number?: number;
  date?: { day: number; month: number; year: number };
  computers?: number;
  /** Per cent of records digitised on receipt. */
  digitizedRate?: string;
  /** The unit the header names, when it should differ from the one sending. */
  headerUnit?: Unit;
  /** Grow the narrative to about this many characters (a real six-month report is 10–40 KB). */
  targetChars?: number;
  /** More result lines after the two standard figures. */
  results?: string[];
  /** Bullets of section II (difficulties) and III (proposals); a default line each when absent. */
  difficulties?: string[];
  proposals?: string[];
}

// Narrative lines in the register of real reports: mostly prose, a figure now and then (real
// reports state one to three figures per kilobyte).
const PROSE = [
  'Ủy ban nhân dân xã đã quán triệt, triển khai đầy đủ các văn bản chỉ đạo của cấp trên về ' +
    'phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đến toàn thể cán bộ, công ' +
    'chức, viên chức và Nhân dân trên địa bàn.',
  'Công tác tuyên truyền được đẩy mạnh bằng nhiều hình thức phong phú như hệ thống loa truyền ' +
    'thanh, trang thông tin điện tử, nhóm Zalo của các thôn, xóm, góp phần nâng cao nhận thức ' +
    'của người dân về chuyển đổi số.',
  'Bộ phận Tiếp nhận và trả kết quả thường xuyên hướng dẫn tổ chức, cá nhân thực hiện thủ tục ' +
    'hành chính trên Cổng Dịch vụ công quốc gia; việc số hóa hồ sơ, kết quả giải quyết thủ tục ' +
    'hành chính được thực hiện theo quy định.',
  'Tuy nhiên, một bộ phận người dân, nhất là người cao tuổi, còn ngại sử dụng dịch vụ công ' +
    'trực tuyến; trang thiết bị công nghệ thông tin tại một số bộ phận đã xuống cấp, chưa đáp ' +
    'ứng yêu cầu công việc.',
  'Thời gian tới, Ủy ban nhân dân xã tiếp tục chỉ đạo các ngành, đoàn thể phối hợp chặt chẽ, ' +
    'tập trung tháo gỡ khó khăn, vướng mắc, phấn đấu hoàn thành các chỉ tiêu, nhiệm vụ được giao ' +
    'trong năm.',
];
const NARRATIVE = [
  (i: number) =>
    `${i}. Duy trì hoạt động của ${10 + (i % 9)} tổ công nghệ số cộng đồng tại các thôn, xóm; ` +
    `các tổ đã hướng dẫn ${1200 + i * 37} lượt người dân cài đặt và sử dụng ứng dụng VNeID.`,
  (i: number) =>
    `${i}. Tổng số hồ sơ thủ tục hành chính tiếp nhận trong kỳ là ${2000 + i * 13} hồ sơ, đã ` +
    `giải quyết ${1900 + i * 11} hồ sơ, trong đó đúng hạn đạt ` +
    `${(95 + (i % 5) * 0.75).toFixed(2).replace('.', ',')}%.`,
  (i: number) =>
    `${i}. Tổ chức ${1 + (i % 4)} lớp tập huấn kỹ năng số cho cán bộ, công chức và ${30 + i} ` +
    `hộ kinh doanh; tuyên truyền trên hệ thống truyền thanh cơ sở ${4 + (i % 3)} lần/tháng.`,
  (i: number) =>
    `${i}. Hạ tầng: ${95 + (i % 5)}% thôn, xóm có sóng di động 4G; đường truyền cáp quang đến ` +
    'trụ sở UBND và nhà văn hóa các thôn được duy trì ổn định.',
];

function narrative(targetChars: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (let i = 1; size < targetChars; i++) {
    const line = i % 4 === 0 ? NARRATIVE[(i / 4) % NARRATIVE.length]!(i) : PROSE[i % PROSE.length]!;
    out.push(line);
    size += line.length + 1;
  }
  return out;
}

/** A short, clean six-month report of one unit in the Nghị định 30/2020 layout. */
export function reportText(unit: Unit, opts: ReportTextOptions = {}): string {
  const named = opts.headerUnit ?? unit;
  const d = opts.date ?? { day: 5, month: 6, year: 2026 };
  return [
    'ỦY BAN NHÂN DÂN',
    unitLabel(named).toLocaleUpperCase('vi'),
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    `Số: ${opts.number ?? 41}/BC-UBND`,
    `${named.name}, ngày ${d.day} tháng ${d.month} năm ${d.year}`,
    '',
    'BÁO CÁO',
    'Kết quả thực hiện chuyển đổi số 6 tháng đầu năm 2026',
    '',
    'Kính gửi: Sở Khoa học và Công nghệ.',
    '',
    'I. KẾT QUẢ THỰC HIỆN',
    `1. Toàn ${unitLabel(named).split(' ')[0]} có ${opts.computers ?? 42} máy tính phục vụ ` +
      'công tác chuyên môn.',
    `2. Tỷ lệ hồ sơ được số hóa khi tiếp nhận đạt ${opts.digitizedRate ?? '87,5'}%.`,
    ...(opts.results ?? []),
    ...(opts.targetChars ? narrative(opts.targetChars - 1200) : []),
    '',
    'II. KHÓ KHĂN, VƯỚNG MẮC',
    ...(opts.difficulties?.map((d) => `- ${d}`) ?? [
      'Đường truyền internet tại một số thôn còn chậm.',
    ]),
    '',
    'III. ĐỀ XUẤT, KIẾN NGHỊ',
    ...(opts.proposals?.map((d) => `- ${d}`) ?? [
      'Đề nghị Sở Khoa học và Công nghệ hỗ trợ tập huấn kỹ năng số.',
    ]),
    '',
    'Nơi nhận:',
    '- Sở Khoa học và Công nghệ;',
    '- Lưu: VT.',
    '',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    '',
    'Nguyễn Văn An',
  ].join('\n');
}
