import type { ReportTextOptions } from './report-text.js';

// Varied but deterministic report contents for benchmarks: every unit a little different, in the
// mix of figures, difficulties and proposals real rounds show.
const DIFFICULTIES = [
  'Kinh phí bố trí cho chuyển đổi số còn hạn chế, chưa có nguồn riêng sau sắp xếp đơn vị hành ' +
    'chính.',
  'Thiếu cán bộ chuyên trách công nghệ thông tin; cán bộ phải kiêm nhiệm nhiều việc.',
  'Hạ tầng mạng tại các thôn vùng cao còn yếu, nhiều nơi chưa có sóng 4G ổn định.',
  'Máy tính tại bộ phận một cửa đã cũ, thường xuyên hỏng.',
  'Chưa có văn bản hướng dẫn thống nhất về chức năng, nhiệm vụ sau khi vận hành chính quyền ' +
    'địa phương hai cấp.',
  'Một bộ phận người dân, nhất là người cao tuổi, chưa biết sử dụng điện thoại thông minh.',
];
const PROPOSALS = [
  'Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã.',
  'Đề nghị UBND tỉnh bố trí kinh phí đầu tư hạ tầng mạng cho các thôn vùng cao.',
  'Đề nghị Sở Tài chính hướng dẫn sử dụng kinh phí chuyển đổi số sau sắp xếp.',
  'Đề nghị Chính phủ sớm ban hành định mức chi cho chuyển đổi số cấp xã.',
];

export function syntheticReport(i: number, targetChars?: number): ReportTextOptions {
  const pick = <T>(list: T[], n: number) =>
    Array.from({ length: n }, (_, k) => list[(i * 7 + k * 3) % list.length]!);
  return {
    number: 10 + (i % 80),
    computers: 15 + (i % 40),
    digitizedRate: `${80 + (i % 20)},${i % 10}`,
    results: [
      '3. Kích hoạt tài khoản định danh điện tử: ' +
        `${(8000 + i * 37).toLocaleString('vi-VN')}/${(10000 + i * 41).toLocaleString('vi-VN')} ` +
        'tài khoản.',
      `4. Tiếp nhận ${(1500 + (i % 900)).toLocaleString('vi-VN')} hồ sơ thủ tục hành chính; đã ` +
        `cấp ${20 + (i % 30)} chứng thư số cho cán bộ.`,
      `5. Đã cấp ${(2000 + i).toLocaleString('vi-VN')}/${(2011 + i).toLocaleString('vi-VN')} ` +
        'thẻ căn cước công dân, đạt ' +
        `${(((2000 + i) / (2011 + i)) * 100).toFixed(2).replace('.', ',')} %.`,
    ],
    difficulties: pick(DIFFICULTIES, 1 + (i % 3)),
    proposals: pick(PROPOSALS, 1 + (i % 2)),
    targetChars,
  };
}
