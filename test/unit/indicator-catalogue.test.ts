import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOGUE } from '../../shared/reader/catalogue.js';
import { readReport } from '../../shared/reader/read-report.js';

// Wordings officers use for each catalogue entry (abbreviation, full name, newer names), with the
// value the figure must be read as. Every key of the catalogue is here.
const WORDINGS: Record<string, ReadonlyArray<readonly [string, number]>> = {
  cccd_issued_rate: [
    ['Đã cấp 2.000/2.011 thẻ căn cước công dân, đạt 99,45 %', 99.45],
    ['Cấp CCCD: 1.500/1.600, đạt 93,75%', 93.75],
    ['Số thẻ căn cước đã cấp 950/1.000 trường hợp, đạt 95%', 95],
    ['Tỷ lệ cấp căn cước công dân đạt 97,2%', 97.2],
  ],
  vneid_enrolled_rate: [
    ['Thu nhận hồ sơ định danh điện tử 1.200/1.500 hồ sơ, đạt 80%', 80],
    ['Tỷ lệ thu nhận hồ sơ cấp tài khoản VNeID đạt 88%', 88],
  ],
  vneid_activation_rate: [
    ['Kích hoạt tài khoản định danh điện tử 2.000/2.500, đạt 80%', 80],
    ['Số tài khoản VNeID đã kích hoạt: 700/1.000 tài khoản, đạt 70%', 70],
  ],
  tthc_digitized_input_rate: [['Tỷ lệ hồ sơ được số hóa thành phần khi tiếp nhận đạt 98,5%', 98.5]],
  tthc_digitized_result_rate: [['Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính đạt 91%', 91]],
  tthc_resolved_on_time_rate: [['Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt 99,1%', 99.1]],
  tthc_overdue_rate: [['Tỷ lệ hồ sơ giải quyết quá hạn 0,9%', 0.9]],
  online_public_service_rate: [
    ['Hồ sơ nộp trực tuyến: 300/400 hồ sơ, đạt 75%', 75],
    ['Tỷ lệ hồ sơ dịch vụ công trực tuyến đạt 81,3%', 81.3],
    ['Tỷ lệ DVCTT toàn trình đạt 64%', 64],
  ],
  cashless_payment_rate: [
    ['Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt đạt 96%', 96],
    ['Thanh toán trực tuyến phí, lệ phí đạt 42%', 42],
  ],
  stin_budget_share: [['Chi ngân sách cho khoa học, công nghệ chiếm 3,5% tổng chi', 3.5]],
  adult_digital_service_rate: [['Tỷ lệ người trưởng thành sử dụng dịch vụ số đạt 70%', 70]],
  adult_digital_signature_rate: [
    ['Tỷ lệ dân số trưởng thành có chữ ký số cá nhân đạt 41,2%', 41.2],
    ['Tỷ lệ người trưởng thành có chữ ký điện tử cá nhân đạt 38%', 38],
  ],
  tthc_received_total: [['Tổng số hồ sơ tiếp nhận: 1.866 hồ sơ', 1866]],
  tthc_resolved_total: [['Số hồ sơ đã giải quyết: 1.639 hồ sơ', 1639]],
  tthc_pending_total: [['Số hồ sơ đang giải quyết: 27 hồ sơ', 27]],
  community_digital_teams: [
    ['Thành lập 25 tổ công nghệ số cộng đồng', 25],
    ['Duy trì 12 tổ CNTT cộng đồng tại các thôn', 12],
  ],
  digital_certificates: [
    ['Cấp 40 chứng thư số cho cán bộ', 40],
    ['Đã cấp 15 chữ ký số chuyên dùng', 15],
  ],
  computers: [
    ['Trang bị 30 máy vi tính cho bộ phận một cửa', 30],
    ['Trang bị thiết bị điện tử 25 máy tính', 25],
  ],
  digital_literacy_trainees: [
    ['Tập huấn kỹ năng số cho 500 lượt người', 500],
    ['Bình dân học vụ số: 1.200 lượt người tham gia', 1200],
  ],
};

const read = (sentence: string) => readReport(`I. KẾT QUẢ THỰC HIỆN\n- ${sentence}.\n`).indicators;

describe('indicator catalogue', () => {
  it('loads validated, with unique keys and no aggregate field to disagree with the kind', () => {
    const keys = INDICATOR_CATALOGUE.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of INDICATOR_CATALOGUE) expect(e).not.toHaveProperty('aggregate');
  });

  it('every key has wordings tested here', () => {
    expect(Object.keys(WORDINGS).sort()).toEqual(INDICATOR_CATALOGUE.map((e) => e.key).sort());
  });

  for (const [key, cases] of Object.entries(WORDINGS)) {
    it.each(cases)(`${key}: %s`, (sentence, value) => {
      const found = read(sentence).filter((i) => i.key === key);
      expect(found.map((i) => i.value)).toContain(value);
    });
  }

  it('guards work on words: "điện tử" is no "từ", "hồ sơ" no "số"', () => {
    const r = read('Kích hoạt tài khoản định danh điện tử 2.000/2.500, đạt 80%');
    expect(r.some((i) => i.numerator === 2000 && i.denominator === 2500)).toBe(true);
    // A real "từ ngày 1/6" range stays out.
    expect(read('Thực hiện từ 1/6 đến 30/6 năm 2025').filter((i) => i.key)).toEqual([]);
  });
});
