import type { UnitState } from '../schemas/rollup.js';

// Vietnamese number formats: "1.234", "87,5%".
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export const formatNumber = (n: number) => (Number.isInteger(n) ? integer : decimal).format(n);
export const formatPercent = (n: number) => `${decimal.format(n)}%`;
/** A 0..1 share as a percentage with one decimal. */
export const formatShare = (x: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(x * 100)}%`;

export const STATE_TITLES: Record<UnitState, string> = {
  on_time: 'Đúng hạn',
  late: 'Muộn',
  needs_review: 'Cần xem lại',
  rejected: 'Bị từ chối',
  missing: 'Chưa nộp',
};

export const LEVEL_TITLES = { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu' } as const;

export const ROLLUP_FILE = (provinceCode: string, roundId: string, ext: string) => `tong-hop-${provinceCode}-${roundId}.${ext}`;
