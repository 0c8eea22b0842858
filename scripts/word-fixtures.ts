// Clean report texts written for tonghop's word-repair measurements (none copied from real
// reports), a seeded damage model that does to them what scanners and typists do, and the
// syllable accuracy of a repair. Used by test/unit/words-accuracy.test.ts and `npm run bench`.
import { rngOf } from './report-generator.js';

export const CLEAN_TEXTS: readonly string[] = [
  'BÁO CÁO Kết quả thực hiện chuyển đổi số sáu tháng đầu năm 2026',
  'Kết quả triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá ' +
    'phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  'Thực hiện Công văn số 1464/SKHCN-KH&ĐMST ngày 15/5/2026 của Sở Khoa học và Công nghệ ' +
    'về việc báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số, Ủy ban nhân dân xã báo cáo ' +
    'như sau:',
  'I. KẾT QUẢ THỰC HIỆN',
  '1. Công tác lãnh đạo, chỉ đạo, điều hành',
  'Ủy ban nhân dân xã đã ban hành kế hoạch triển khai, phân công nhiệm vụ cụ thể cho ' +
    'từng bộ phận chuyên môn và tổ công nghệ số cộng đồng tại các thôn.',
  'Công tác tuyên truyền, phổ biến được thực hiện thường xuyên trên hệ thống truyền ' +
    'thanh cơ sở, trang thông tin điện tử và các nhóm Zalo của thôn, tổ dân phố.',
  '2. Phát triển hạ tầng số và dữ liệu số',
  'Toàn xã có 12 thôn được phủ sóng di động, đường truyền cáp quang đã kết nối đến trụ ' +
    'sở Ủy ban nhân dân và trạm y tế.',
  'Cơ sở dữ liệu dân cư được cập nhật thường xuyên, phục vụ giải quyết thủ tục hành ' +
    'chính cho người dân.',
  '3. Chính quyền số và dịch vụ công trực tuyến',
  'Tổng số hồ sơ thủ tục hành chính tiếp nhận là 1.254 hồ sơ, đã giải quyết đúng hạn ' +
    '1.240 hồ sơ, đạt 98,88%.',
  'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 95%; cán bộ, công chức ' +
    'sử dụng chữ ký số trong xử lý văn bản điện tử.',
  'II. KHÓ KHĂN, VƯỚNG MẮC',
  'Thiếu cán bộ chuyên trách về công nghệ thông tin, công chức phải kiêm nhiệm nhiều ' +
    'việc nên chưa tập trung cho nhiệm vụ chuyển đổi số.',
  'Trang thiết bị, máy tính tại bộ phận một cửa đã xuống cấp, cấu hình thấp, chưa đáp ' +
    'ứng yêu cầu công việc.',
  'Kinh phí bố trí cho nhiệm vụ khoa học, công nghệ và chuyển đổi số còn hạn chế, chưa ' +
    'có nguồn để mua sắm thiết bị mới.',
  'Một bộ phận người dân, nhất là người cao tuổi ở vùng sâu, chưa có điện thoại thông ' +
    'minh, còn ngại sử dụng dịch vụ công trực tuyến.',
  'Đường truyền mạng tại một số thôn còn chập chờn, không ổn định, ảnh hưởng đến việc ' +
    'tiếp nhận hồ sơ.',
  'III. ĐỀ XUẤT, KIẾN NGHỊ',
  'Đề nghị Sở Khoa học và Công nghệ tổ chức các lớp tập huấn, bồi dưỡng kỹ năng số cho ' +
    'cán bộ, công chức cấp xã.',
  'Đề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí đầu tư hạ tầng công nghệ thông ' +
    'tin cho các xã sau sắp xếp.',
  'Kiến nghị các sở, ngành ban hành văn bản hướng dẫn thống nhất về chức năng, nhiệm vụ ' +
    'của chính quyền địa phương hai cấp.',
  'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI',
  'Tiếp tục đẩy mạnh tuyên truyền, nâng cao nhận thức của cán bộ và Nhân dân về vai trò ' +
    'của chuyển đổi số.',
  'Duy trì hoạt động của tổ công nghệ số cộng đồng, hướng dẫn người dân kích hoạt tài ' +
    'khoản định danh điện tử.',
  'Trên đây là báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số của Ủy ban nhân dân xã.',
  'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
  'Nguyễn Văn Hùng',
  'Trần Thị Thu Hương',
  'Phát triển thương mại điện tử, hỗ trợ hộ kinh doanh và hợp tác xã đưa nông sản lên ' +
    'sàn thương mại điện tử.',
  'Nâng cao chất lượng nguồn nhân lực, đào tạo đội ngũ cán bộ có trình độ chuyên môn đáp ' +
    'ứng yêu cầu nhiệm vụ.',
  'Tăng cường công tác kiểm tra, giám sát việc bảo đảm an toàn thông tin mạng tại cơ quan, đơn vị.',
  'Phối hợp với công an xã đẩy mạnh cấp căn cước và kích hoạt tài khoản định danh điện ' +
    'tử cho người dân.',
  'Báo cáo tình hình ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước năm 2026',
  'Ủy ban nhân dân phường đã chỉ đạo công chức chuyên môn rà soát, cập nhật dữ liệu hộ ' +
    'gia đình vào hệ thống.',
  'Việc thanh toán phí, lệ phí trực tuyến còn thấp do người dân chưa quen sử dụng tài ' +
    'khoản ngân hàng.',
  'Một số thôn ở xa trung tâm chưa có sóng điện thoại ổn định, gây khó khăn cho việc cài ' +
    'đặt ứng dụng.',
  'Đội ngũ cán bộ làm công tác chuyển đổi số còn mỏng, phần lớn chưa được đào tạo bài ' +
    'bản về công nghệ.',
  'Đề nghị cấp trên sớm hướng dẫn quy trình liên thông dữ liệu giữa các phần mềm chuyên ngành.',
  'Trong sáu tháng đầu năm, đã tổ chức ba hội nghị tuyên truyền về bảo vệ dữ liệu cá ' +
    'nhân cho đoàn viên thanh niên.',
  'Kinh phí sửa chữa máy tính và thiết bị mạng chủ yếu được trích từ nguồn chi thường ' +
    'xuyên của đơn vị.',
  'Phấn đấu đến cuối năm có ít nhất tám mươi phần trăm hồ sơ được nộp qua dịch vụ công trực tuyến.',
  'Lê Thị Minh Nguyệt',
];

/**
 * Texts written after the word model was last tuned and never used to tune it: the fair figure.
 * (An earlier held-out set was used for tuning once seen; it now sits among CLEAN_TEXTS.)
 */
export const HELD_OUT_TEXTS: readonly string[] = [
  'Kế hoạch số hóa tài liệu lưu trữ của xã được xây dựng từ đầu năm nhưng tiến độ còn chậm.',
  'Nhiều hộ dân ở các bản vùng cao vẫn chưa biết cách tra cứu kết quả giải quyết hồ sơ trên mạng.',
  'Công chức tư pháp đã hướng dẫn người dân đăng ký khai sinh, kết hôn qua cổng dịch vụ công.',
  'Hệ thống camera an ninh được lắp đặt tại các ngã ba, ngã tư và khu vực chợ trung tâm.',
  'Do thiếu máy chủ riêng, dữ liệu của xã đang được lưu tạm trên máy tính cá nhân của cán bộ.',
  'Xã kiến nghị tỉnh sớm cấp bổ sung chữ ký số cho các chức danh mới sau khi kiện toàn bộ máy.',
  'Hội Liên hiệp Phụ nữ phối hợp mở lớp hướng dẫn chị em bán hàng trên mạng xã hội.',
  'Trạm y tế đã triển khai khám chữa bệnh bằng căn cước, giảm thời gian chờ đợi của người bệnh.',
  'Giá cước internet ở vùng biên giới còn cao so với thu nhập của phần đông người lao động.',
  'Phạm Quốc Toàn',
];

const stripChar = (c: string) =>
  c === 'đ' ? 'd' : c === 'Đ' ? 'D' : c.normalize('NFD').replace(/[\u0300-\u036f]/g, '') || c;

/** What a scanner makes of one character with diacritics: options, any of which it may write. */
const OCR_READS: Record<string, string[]> = {
  ố: ['6', 'é', 'ó'],
  ô: ['6', '0', 'o'],
  ồ: ['6', 'd', 'ô'],
  ổ: ['6', 'd', 'ô'],
  ộ: ['d', 'g', 'ọ', 'o'],
  ơ: ['0', "o'", 'o'],
  ớ: ['é', 'ó', "o'"],
  ờ: ['d', 'ò', 'o'],
  ở: ['&', 'ó', 'o'],
  ợ: ['g', 'o', 'ọ'],
  ư: ['w', "u'", 'u'],
  ứ: ['ir', 'ú', 'w'],
  ừ: ['ir', 'ù', 'w'],
  ự: ['w', 'u', 'ụ'],
  ử: ['ir', 'u', 'ư'],
  ữ: ['ii', 'u', 'ư'],
  ế: ['é', 'e', 'ê'],
  ề: ['è', 'é', 'e'],
  ể: ['é', 'e', 'ê'],
  ệ: ['€', '¢', 'é', 'e'],
  ê: ['é', 'e', 'c'],
  ủ: ['ii', 't', 'u'],
  ũ: ['ii', 'u', 'ú'],
  ị: ['1', 'i', 'í'],
  ỉ: ['i', 'í', '1'],
  á: ['4', 'a', 'à'],
  ã: ['3', '4', 'a'],
  ạ: ['a', 'á'],
  ả: ['a', 'á', 'à'],
  ấ: ['á', 'i', 'a'],
  ậ: ['a', 'ạ', 'á'],
  ầ: ['à', 'a', 'ă'],
  ắ: ['á', 'a', 'ă'],
  ă: ['a', 'i'],
  â: ['a', 'á'],
  đ: ['d', 'd', 'd'],
  Đ: ['P', 'D', 'D'],
};

export type Damage = 'stripped' | 'ocr-light' | 'ocr-heavy';

function damageWord(word: string, damage: Damage, rnd: () => number): string {
  if (/\d/.test(word)) return word;
  if (damage === 'stripped') return [...word].map(stripChar).join('');
  const p = damage === 'ocr-light' ? 0.3 : 0.6;
  if (rnd() >= p) return word;
  if (/^số$/i.test(word) && rnd() < 0.4) return word[0] === 'S' ? 'Sb' : 'sb';
  return [...word]
    .map((c) => {
      const lower = c.toLowerCase();
      const reads = OCR_READS[c] ?? OCR_READS[lower];
      if (!reads) return /[^a-zA-Z]/.test(c) && rnd() < 0.5 ? stripChar(c) : c;
      const r = reads[Math.floor(rnd() * reads.length)]!;
      return c !== lower && c !== 'Đ' ? r.toUpperCase() : r;
    })
    .join('');
}

/** The text as a scanner or a typist without a Vietnamese keyboard would leave it; spaces kept. */
export function damageText(text: string, damage: Damage, seed: number): string {
  const rnd = rngOf(seed);
  return text.replace(/[^\s.,;:()]+/g, (w) => damageWord(w, damage, rnd));
}

/** Share of the clean text's syllables (letter tokens) the candidate text spells exactly. */
export function syllableAccuracy(clean: string, candidate: string): number {
  const a = clean.split(/\s+/);
  const b = candidate.split(/\s+/);
  if (a.length !== b.length) throw new Error(`token counts differ: ${a.length} vs ${b.length}`);
  let total = 0;
  let right = 0;
  a.forEach((w, i) => {
    if (!/\p{L}/u.test(w)) return;
    total++;
    if (w.normalize('NFC') === b[i]!.normalize('NFC')) right++;
  });
  return total ? right / total : 1;
}

/** Mean syllable accuracy of `repair` on the texts before and after, over damage seeds. */
export function repairAccuracy(
  texts: readonly string[],
  damage: Damage,
  repair: (text: string) => string,
  seeds: readonly number[] = [1, 2, 3, 4, 5],
): { before: number; after: number } {
  const clean = texts.join('\n');
  let before = 0;
  let after = 0;
  for (const seed of seeds) {
    const damaged = damageText(clean, damage, seed);
    before += syllableAccuracy(clean, damaged);
    after += syllableAccuracy(clean, repair(damaged));
  }
  return { before: before / seeds.length, after: after / seeds.length };
}
