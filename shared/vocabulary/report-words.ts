import type { SectionKind } from '../schemas/report.js';

// What a person reads for the reader's own keys: the JSON keeps the keys (a contract), every
// text for people says these words instead.

export const SECTION_KIND_WORDS: Record<SectionKind, string> = {
  results: 'kết quả',
  difficulties: 'khó khăn, vướng mắc',
  causes: 'nguyên nhân',
  proposals: 'kiến nghị, đề xuất',
  plan: 'phương hướng, nhiệm vụ',
  objectives: 'mục tiêu',
  organization: 'tổ chức thực hiện',
  other: 'phần khác',
};

/** The part of a report a diagnostic's field names (its first segment: "signer.name" → signer). */
const FIELD_WORDS: Record<string, string> = {
  file: 'tệp',
  key: 'đường dẫn tệp',
  text: 'nội dung',
  documentType: 'loại văn bản',
  issuer: 'đơn vị ban hành',
  number: 'số, ký hiệu',
  issuedOn: 'ngày ban hành',
  place: 'địa danh',
  province: 'tỉnh',
  title: 'trích yếu',
  requestedBy: 'văn bản yêu cầu',
  signer: 'người ký',
  sections: 'các phần',
  indicators: 'số liệu',
  encoding: 'bảng mã',
  uploadedBy: 'người nộp',
  unitCode: 'mã đơn vị',
  roundId: 'kỳ báo cáo',
};

export const fieldWord = (field: string) => FIELD_WORDS[field.split(/[.[]/)[0] ?? ''] ?? 'nội dung';
