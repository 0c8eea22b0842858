/**
 * Reads a figure in Vietnamese number format: "." groups thousands and "," marks decimals
 * ("33.099" is 33099, "99,77" is 99.77). A "." followed by other than three digits is a decimal
 * point all the same, as typists often write it ("94.75%").
 */
export function parseVnNumber(raw: string): number | null {
  const s = raw.trim().replace(/[.,]+$/, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let normal: string;
  if (dots && commas) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastComma > lastDot) normal = s.replace(/\./g, '').replace(',', '.');
    else normal = s.replace(/,/g, '');
    if (normal.split('.').length > 2) return null;
  } else if (dots) {
    const groups = s.split('.');
    const thousands = groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3;
    if (thousands) normal = groups.join('');
    else if (dots === 1) normal = s;
    else return null;
  } else if (commas) {
    const groups = s.split(',');
    if (commas > 1) {
      if (!groups.slice(1).every((g) => g.length === 3)) return null;
      normal = groups.join('');
    } else normal = s.replace(',', '.');
  } else normal = s;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}
