/**
 * Where ingest hands a file that only OCR can read (the OCR function's queue on AWS): a long scan
 * is read there, with its own memory and time, and never holds up the other uploads.
 */
export interface OcrQueue<Ref> {
  send(ref: Ref): Promise<void>;
}

export const OCR_PENDING_MESSAGE =
  'Đã nhận bản quét hoặc ảnh chụp; hệ thống đang nhận dạng ký tự (OCR), kết quả có sau ít phút.';
