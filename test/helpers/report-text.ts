import { unitLabel } from '../../shared/ingest/rules.js';
import type { Unit } from '../../shared/schemas/unit.js';

export interface ReportTextOptions {
  number?: number;
  date?: { day: number; month: number; year: number };
  computers?: number;
  /** Per cent of records digitised on receipt. */
  digitizedRate?: string;
  /** The unit the header names, when it should differ from the one sending. */
  headerUnit?: Unit;
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
    `1. Toàn ${unitLabel(named).split(' ')[0]} có ${opts.computers ?? 42} máy tính phục vụ công tác chuyên môn.`,
    `2. Tỷ lệ hồ sơ được số hóa khi tiếp nhận đạt ${opts.digitizedRate ?? '87,5'}%.`,
    '',
    'II. KHÓ KHĂN, VƯỚNG MẮC',
    'Đường truyền internet tại một số thôn còn chậm.',
    '',
    'III. ĐỀ XUẤT, KIẾN NGHỊ',
    'Đề nghị Sở Khoa học và Công nghệ hỗ trợ tập huấn kỹ năng số.',
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
