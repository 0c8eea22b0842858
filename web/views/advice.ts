import type { Diagnostic } from '../../shared/schemas/diagnostic.js';
import type { Submission } from '../../shared/schemas/submission.js';

// What the commune officer should do about each finding, in plain words. The diagnostic's own
// message says what is wrong; this says what to do next. Matched by code, then by field.
const BY_CODE: Record<string, string> = {
  'file.needsOcr':
    'Tệp là ảnh chụp hoặc bản quét: Sở sẽ đọc lại giúp. ' +
    'Nếu có bản DOCX hoặc PDF xuất từ máy tính, hãy nộp thêm bản đó.',
  'file.tooLarge':
    'Hãy giảm dung lượng (chụp ảnh ở độ phân giải thấp hơn, hoặc lưu PDF nén) rồi nộp lại.',
  'file.unsupported':
    'Hãy lưu văn bản thành DOCX hoặc PDF (biểu mẫu số liệu thành XLSX) rồi nộp lại.',
  'file.empty': 'Tệp không có nội dung: hãy mở lại tệp trên máy để kiểm tra rồi nộp lại.',
  'file.noText':
    'Hãy mở tệp trên máy để kiểm tra; với ảnh chụp, chụp lại rõ nét, đủ sáng, cả trang văn bản rồi nộp lại.',
  'file.docxEncrypted': 'Hãy bỏ mật khẩu của tệp (hoặc lưu thành PDF) rồi nộp lại.',
  'file.pdfEncrypted': 'Hãy bỏ mật khẩu của tệp rồi nộp lại.',
  'file.docxDamaged': 'Tệp bị hỏng: hãy mở lại trên máy, lưu thành tệp mới rồi nộp lại.',
  'file.pdfDamaged': 'Tệp bị hỏng: hãy xuất lại PDF rồi nộp lại.',
  'file.docxAltChunk':
    'Hãy mở tệp bằng Word, chọn Lưu thành (Save As) một tệp .docx mới (hoặc xuất PDF) rồi nộp lại.',
  'file.docDamaged': 'Hãy mở tệp bằng Word, chọn Lưu thành (Save As) định dạng .docx rồi nộp lại.',
  'file.xlsxDamaged': 'Hãy mở tệp bằng Excel, lưu lại thành tệp .xlsx mới rồi nộp lại.',
  'file.xlsUnsupported':
    'Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) định dạng Excel Workbook (.xlsx) rồi nộp lại.',
  'file.xlsxNoSheet':
    'Hãy mở tệp bằng Excel, hiện trang biểu mẫu (chuột phải vào tên trang, chọn Unhide) rồi lưu và nộp lại.',
  'file.xlsxTooLarge':
    'Hãy nộp riêng biểu mẫu số liệu (xóa các trang tính dữ liệu thô) rồi nộp lại.',
  'unit.mismatch':
    'Kiểm tra lại tên đơn vị ở đầu văn bản. ' +
    'Nếu nộp nhầm văn bản của đơn vị khác, hãy nộp lại đúng văn bản của đơn vị mình.',
  'unit.otherProvince':
    'Văn bản của đơn vị tỉnh khác: gửi đến Sở KHCN tỉnh đó. ' +
    'Nếu gửi nhầm tệp, hãy nộp lại đúng văn bản của đơn vị mình.',
  'issuedOn.future':
    'Kiểm tra lại ngày tháng ở đầu văn bản; sửa nếu gõ nhầm rồi nộp lại bản đã sửa.',
  'uploader.notAllowed': 'Hãy đăng nhập bằng tài khoản của đúng đơn vị rồi nộp lại.',
  'uploader.jsonNotAllowed': 'Hãy nộp văn bản đã ký (DOCX, PDF hoặc ảnh chụp).',
  'text.legacyEncoding':
    'Không cần làm gì: văn bản gõ bằng bảng mã cũ đã được chuyển sang Unicode.',
};

const BY_FIELD: Record<string, string> = {
  number:
    'Văn bản cần có số, ký hiệu ở đầu (ví dụ "Số: 25/BC-UBND"). Bổ sung rồi nộp lại bản đã sửa.',
  issuedOn:
    'Văn bản cần ghi ngày ban hành (ví dụ "ngày 05 tháng 6 năm 2026"). Bổ sung rồi nộp lại.',
  signer: 'Văn bản cần có chức vụ và họ tên người ký ở cuối. Bổ sung rồi nộp lại bản đã ký.',
  issuer: 'Đầu văn bản cần ghi rõ "UBND xã/phường …" của đơn vị mình. Bổ sung rồi nộp lại.',
  title: 'Văn bản cần có tên loại và trích yếu (ví dụ "BÁO CÁO Kết quả …"). Bổ sung rồi nộp lại.',
  sections:
    'Báo cáo cần có các phần kết quả, khó khăn, đề xuất theo mẫu của Sở. Bổ sung rồi nộp lại.',
};

/**
 * What to do about one finding. A note on a file that is not accepted never says the report was
 * taken: the status beside it would say otherwise.
 */
export function adviceFor(d: Diagnostic, status: Submission['status'] = 'accepted'): string {
  return (
    (d.code && Object.hasOwn(BY_CODE, d.code) ? BY_CODE[d.code] : undefined) ??
    (Object.hasOwn(BY_FIELD, d.field) ? BY_FIELD[d.field] : undefined) ??
    (d.level === 'error'
      ? 'Hãy sửa văn bản theo nội dung trên rồi nộp lại; nếu chưa rõ, liên hệ Sở KHCN.'
      : status === 'accepted'
        ? 'Chỉ để lưu ý; báo cáo vẫn được tiếp nhận.'
        : 'Chỉ để lưu ý, không cần sửa.')
  );
}
