// Finding a page photographed on a desk and straightening it. sharp has no perspective transform
// and no contour search, so these two are done here on small grey buffers; everything else about
// the page (decoding, colour, scale, shadows) is sharp's.

/** A point on an image, in pixels. */
export interface Point {
  x: number;
  y: number;
}
/** The page's corners: top left, top right, bottom right, bottom left. */
export type Quad = [Point, Point, Point, Point];

/** A page this small or this large in the photo is no page found (text only, or the page fills it). */
const MIN_PAGE_SHARE = 0.3;
const MAX_PAGE_SHARE = 0.93;
/**
 * Paper is grey, whatever its light: its colour (max − min channel) is under this share of its
 * brightness. A wooden desk in shade keeps its hue (measured 0.57–0.81 of its brightness on the
 * generated desks, paper 0.00–0.02) while its absolute colour falls under the 60 below: a
 * phone's shadow over the page's centre made the paper as dark as the desk, the page spread into
 * it, and the desk's edge was taken for the page's (a shadowed photo lost its header, 6/14 fields).
 */
const PAPER_TINT = 0.25;

/**
 * The page in a small picture of a photo: the paper is lighter and less coloured than the desk. The
 * paper's own brightness is taken at the centre (a page is photographed centred); pixels at least
 * 60 % as light as it and grey (PAPER_TINT), joined to the centre, are the page; its corners are the
 * extremes of x + y and x − y. Null when that region is too small or fills the picture.
 */
export function findPageQuad(
  lum: Uint8Array,
  sat: Uint8Array,
  width: number,
  height: number,
): Quad | null {
  const window: number[] = [];
  for (let y = Math.floor(height * 0.4); y < height * 0.6; y++)
    for (let x = Math.floor(width * 0.4); x < width * 0.6; x++) window.push(y * width + x);
  const centre = window.map((i) => lum[i]!).sort((a, b) => a - b);
  const paper = centre[Math.floor(centre.length * 0.75)] ?? 255;
  const isPaper = (i: number) =>
    lum[i]! >= paper * 0.6 && sat[i]! < 60 && sat[i]! <= lum[i]! * PAPER_TINT;
  const seen = new Uint8Array(width * height);
  // Grown from every paper pixel of the centre, not its one middle pixel: a seal, a pen's stroke
  // or a dark table cell may lie there (a photo sent by Zalo, its seal at the middle, found no page).
  const stack = window.filter(isPaper);
  let area = 0;
  const ext = { tl: Infinity, br: -Infinity, tr: -Infinity, bl: Infinity };
  const at: Record<keyof typeof ext, Point> = {
    tl: { x: 0, y: 0 },
    br: { x: 0, y: 0 },
    tr: { x: 0, y: 0 },
    bl: { x: 0, y: 0 },
  };
  while (stack.length) {
    const i = stack.pop()!;
    if (seen[i] || !isPaper(i)) continue;
    seen[i] = 1;
    area++;
    const x = i % width;
    const y = (i - x) / width;
    if (x + y < ext.tl) [ext.tl, at.tl] = [x + y, { x, y }];
    if (x + y > ext.br) [ext.br, at.br] = [x + y, { x, y }];
    if (x - y > ext.tr) [ext.tr, at.tr] = [x - y, { x, y }];
    if (x - y < ext.bl) [ext.bl, at.bl] = [x - y, { x, y }];
    if (x > 0) stack.push(i - 1);
    if (x < width - 1) stack.push(i + 1);
    if (y > 0) stack.push(i - width);
    if (y < height - 1) stack.push(i + width);
  }
  // The page's share is its outline's, not its paper pixels': a page of dense text that fills the
  // photo has fewer paper pixels than MAX_PAGE_SHARE but no desk around it to cut away.
  const quad: Quad = [at.tl, at.tr, at.br, at.bl];
  const share = Math.max(area, quadArea(quad)) / (width * height);
  if (share < MIN_PAGE_SHARE || share > MAX_PAGE_SHARE) return null;
  return quad;
}

/** A quadrilateral's area (the shoelace formula). */
function quadArea(q: Quad): number {
  let twice = 0;
  for (let i = 0; i < 4; i++) {
    const [a, b] = [q[i]!, q[(i + 1) % 4]!];
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/** The 3×3 homography (row-major, h33 = 1) taking the unit square's corners to `q`. */
function squareTo(q: Quad): number[] {
  const [p0, p1, p2, p3] = q;
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return [
    p1.x - p0.x + g * p1.x,
    p3.x - p0.x + h * p3.x,
    p0.x,
    p1.y - p0.y + g * p1.y,
    p3.y - p0.y + h * p3.y,
    p0.y,
    g,
    h,
    1,
  ];
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The page inside `quad` of a grey image, straightened to a rectangle as wide and tall as its
 * edges are long on average (bilinear sampling); the paper around it is dropped.
 */
export function straighten(
  grey: Uint8Array,
  width: number,
  height: number,
  quad: Quad,
): { pixels: Uint8Array; width: number; height: number } {
  const w = Math.round((dist(quad[0], quad[1]) + dist(quad[3], quad[2])) / 2);
  const h = Math.round((dist(quad[0], quad[3]) + dist(quad[1], quad[2])) / 2);
  const m = squareTo(quad);
  const out = new Uint8Array(w * h);
  for (let v = 0; v < h; v++) {
    const fv = v / (h - 1);
    for (let u = 0; u < w; u++) {
      const fu = u / (w - 1);
      const z = m[6]! * fu + m[7]! * fv + 1;
      const x = (m[0]! * fu + m[1]! * fv + m[2]!) / z;
      const y = (m[3]! * fu + m[4]! * fv + m[5]!) / z;
      const x0 = Math.min(width - 2, Math.max(0, Math.floor(x)));
      const y0 = Math.min(height - 2, Math.max(0, Math.floor(y)));
      const ax = Math.min(1, Math.max(0, x - x0));
      const ay = Math.min(1, Math.max(0, y - y0));
      const i = y0 * width + x0;
      const top = grey[i]! * (1 - ax) + grey[i + 1]! * ax;
      const bottom = grey[i + width]! * (1 - ax) + grey[i + width + 1]! * ax;
      out[v * w + u] = top * (1 - ay) + bottom * ay;
    }
  }
  return { pixels: out, width: w, height: h };
}
