// The six centrally-run cities of the 2025 list are "thành phố", the other 28 "tỉnh".
const CITIES = new Set(['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']);

/** "tỉnh Nghệ An", "thành phố Huế": the province as official letters name it. */
export function provinceTitle(provinceName: string): string {
  return `${CITIES.has(provinceName) ? 'thành phố' : 'tỉnh'} ${provinceName}`;
}
