import { imageSize } from 'image-size';
import { fileProblem } from './file-problem.js';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits.js';

/** The image formats the OCR engine reads (what .jpg .jpeg .png .tif .tiff may hold). */
const READABLE = new Set(['jpg', 'png', 'tiff']);

/**
 * Checks a page image by its header alone, before any decoder allocates its pixels: it must be a
 * JPEG, PNG or TIFF, and its declared size must stay within MAX_IMAGE_PIXELS (a decompression
 * bomb declares 100,000 × 100,000 in a few bytes).
 */
export function checkImageHeader(bytes: Uint8Array, what: string): void {
  let size: ReturnType<typeof imageSize> | null = null;
  try {
    size = imageSize(bytes);
  } catch {
    size = null;
  }
  if (!size?.type || !READABLE.has(size.type) || !size.width || !size.height)
    throw fileProblem(
      'rejected',
      'file',
      'file.imageDamaged',
      `${what} bị hỏng hoặc không phải ảnh JPEG, PNG, TIFF; vui lòng chụp hoặc quét lại rồi gửi.`,
      `image header unreadable (${size?.type ?? 'unknown'})`,
    );
  const side = Math.max(size.width, size.height);
  if (side > MAX_IMAGE_SIDE)
    throw fileProblem(
      'rejected',
      'file',
      'file.imageTooLarge',
      `${what} dài ${side.toLocaleString('vi-VN')} điểm ảnh một chiều, vượt giới hạn ` +
        `${MAX_IMAGE_SIDE.toLocaleString('vi-VN')} điểm ảnh của máy đọc chữ; ` +
        'vui lòng chụp hoặc quét từng trang riêng.',
      `image side of ${side} pixels`,
    );
  const pixels = size.width * size.height;
  if (pixels > MAX_IMAGE_PIXELS)
    throw fileProblem(
      'rejected',
      'file',
      'file.imageTooLarge',
      `${what} có kích thước ${size.width} × ${size.height} điểm ảnh, vượt giới hạn ` +
        `${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh; vui lòng quét lại ở 300 dpi.`,
      `image of ${pixels} pixels`,
    );
}
