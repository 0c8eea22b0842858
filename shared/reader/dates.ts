export type DateReading = { ok: true; iso: string } | { ok: false; raw: string };

/** A calendar date from day, month and year as written; `ok: false` when it cannot exist. */
export function toIsoDate(day: string, month: string, year: string): DateReading {
  const raw = `${day}/${month}/${year}`;
  if (!/^\d{4}$/.test(year)) return { ok: false, raw };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1) return { ok: false, raw };
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return { ok: false, raw };
  return { ok: true, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

// On folded text. "ngày 8 tháng 8 năm 2025"; OCR turns "năm" into "nam"/"nim"/"nem".
export const WRITTEN_DATE =
  /ng[a-z]{1,2}y?\s*(\d{1,2})\s*th[a-z]{1,2}ng\s*(\d{1,2})\s*n[a-z]{1,2}m\s*(\d{4,5})/;
// "ngày 09/8/2025", "ngày 09-8-2025"
export const NUMERIC_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4,5})(?!\d)/;

/** The first date in a stretch of folded text, written either way. */
export function findDate(
  folded: string,
): { reading: DateReading; index: number; length: number } | null {
  const w = WRITTEN_DATE.exec(folded);
  const n = NUMERIC_DATE.exec(folded);
  const m = w && (!n || w.index <= n.index) ? w : n;
  if (!m) return null;
  return { reading: toIsoDate(m[1]!, m[2]!, m[3]!), index: m.index, length: m[0].length };
}
