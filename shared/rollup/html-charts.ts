import { escapeHtml as h } from '../mail/html.js';
import type { IndicatorSummary, UnitState } from '../schemas/rollup.js';
import { formatNumber, formatPercent, formatSameScale, STATE_TITLES } from './format.js';

// Charts are inline SVG drawn at a fixed size in CSS pixels (width and height attributes, no
// viewBox scaling): their text keeps the page's text size on any screen, and a narrow screen
// scrolls them sideways instead of shrinking them.

export const COLORS: Record<UnitState, string> = {
  on_time: '#2e7d32',
  late: '#f9a825',
  needs_review: '#6a1b9a',
  returned: '#00695c',
  rejected: '#c62828',
  // Dark enough that the unit names written on it in white read at 4.5:1 (WCAG AA) and more.
  missing: '#616161',
};
export const STATES: UnitState[] = [
  'on_time',
  'late',
  'needs_review',
  'returned',
  'rejected',
  'missing',
];

/** An element with its attributes (values escaped) and content (already markup). */
export function tag(name: string, attrs: Record<string, string | number>, body = ''): string {
  const list = Object.entries(attrs).map(([k, v]) => ` ${k}="${h(String(v))}"`);
  return `<${name}${list.join('')}>${body}</${name}>`;
}

export function legend(): string {
  const items = STATES.map(
    (s) => `<span><i style="background:${COLORS[s]}"></i>${h(STATE_TITLES[s])}</span>`,
  );
  return `<p class="legend">${items.join(' ')}</p>`;
}

const svg = (w: number, height: number, label: string, body: string) =>
  `<svg width="${w}" height="${height}" role="img" aria-label="${h(label)}">${body}</svg>`;

/** One stacked bar per group: how many units are in each state. */
export function statusBars(
  rows: Array<{ title: string; counts: Record<UnitState, number>; total: number }>,
): string {
  const W = 460;
  const bar = 22;
  const gap = 8;
  const labelW = 80;
  const body = rows.map((r, i) => {
    let x = labelW;
    const y = i * (bar + gap);
    const parts = STATES.filter((s) => r.counts[s] > 0).map((s) => {
      const w = ((W - labelW - 10) * r.counts[s]) / Math.max(r.total, 1);
      const at = { y: y + 15, 'text-anchor': 'middle', fill: '#fff', 'font-size': 12 };
      const text = tag('text', { x: (x + w / 2).toFixed(1), ...at }, String(r.counts[s]));
      const title = tag('title', {}, h(`${STATE_TITLES[s]}: ${r.counts[s]}`));
      const box = { x: x.toFixed(1), y, width: w.toFixed(1), height: bar, fill: COLORS[s] };
      const rect = tag('rect', box, title);
      x += w;
      return `${rect}${w > 24 ? text : ''}`;
    });
    return `<text x="0" y="${y + 16}" font-size="13">${h(r.title)}</text>${parts.join('')}`;
  });
  return svg(W, rows.length * (bar + gap), 'Tình hình nộp theo loại đơn vị', body.join(''));
}

const valueText = (i: IndicatorSummary, v: number) =>
  i.kind === 'rate' ? formatPercent(v) : `${formatNumber(v)} ${i.unit}`;

// Beyond this many units a chart shows how many fall in each band, not a dot per unit.
const MAX_DOTS = 120;
const BANDS = 24;

/** Bars of how many units' values fall in each of BANDS equal bands between lo and hi. */
function histogram(i: IndicatorSummary, x: (v: number) => number, lo: number, hi: number) {
  const width = (hi - lo) / BANDS || 1;
  const counts = new Array<number>(BANDS).fill(0);
  for (const v of i.values) counts[Math.min(BANDS - 1, Math.floor((v.value - lo) / width))]!++;
  const most = Math.max(...counts);
  return counts.map((n, k) => {
    if (!n) return '';
    const from = lo + k * width;
    const height = Math.max(2, (26 * n) / most);
    const r2 = (v: number) => Math.round(v * 100) / 100;
    const band = `${formatNumber(r2(from))}–${valueText(i, r2(from + width))}`;
    const box = { x: x(from).toFixed(1), y: (32 - height).toFixed(1), height: height.toFixed(1) };
    const w = (x(from + width) - x(from) - 1).toFixed(1);
    return tag(
      'rect',
      { ...box, width: w, fill: '#1565c0' },
      tag('title', {}, h(`${band}: ${n} đơn vị`)),
    );
  });
}

/**
 * The units' values of one indicator on an axis in its unit (%, or the counted thing); the
 * median dashed, the weighted rate in red. One to three values are shown as numbers: a chart
 * of three dots says less than the dots' values.
 */
export function distribution(i: IndicatorSummary, names: Map<string, string>): string {
  if (!i.spread) return '';
  if (i.values.length <= 3)
    return tag(
      'p',
      { class: 'few' },
      i.values
        .map((v) => `${h(names.get(v.unitCode) ?? v.unitCode)}: <b>${h(valueText(i, v.value))}</b>`)
        .join(' · '),
    );
  const W = 460;
  const pad = 40;
  const { min, max, median } = i.spread;
  const span = max.value - min.value;
  const lo = min.value - span * 0.05;
  const hi = max.value + span * 0.05;
  const x = (v: number) => (span === 0 ? W / 2 : pad + ((v - lo) / (hi - lo)) * (W - 2 * pad));
  const dot = (v: { unitCode: string; value: number }) =>
    tag(
      'circle',
      { cx: x(v.value).toFixed(1), cy: 18, r: 4, fill: '#1565c0', 'fill-opacity': 0.45 },
      tag('title', {}, h(`${names.get(v.unitCode) ?? v.unitCode}: ${valueText(i, v.value)}`)),
    );
  const mark = (v: number, color: string, extra: Record<string, string | number>, label: string) =>
    tag(
      'line',
      { x1: x(v).toFixed(1), x2: x(v).toFixed(1), y1: 4, y2: 32, stroke: color, ...extra },
      tag('title', {}, h(label)),
    );
  const unit = i.kind === 'rate' ? '%' : i.unit;
  // The two ends in one precision, each with its unit ("80,00%" and "89,63%", not "80 %").
  const [minText, maxText] = formatSameScale([min.value, max.value], unit);
  const tick = (text: string, anchor: string, at: number) =>
    tag('text', { x: at, y: 48, 'font-size': 12, 'text-anchor': anchor }, h(text));
  const body = [
    `<line x1="${pad}" x2="${W - pad}" y1="34" y2="34" stroke="#999"/>`,
    ...(i.values.length > MAX_DOTS ? histogram(i, x, lo, hi) : i.values.map(dot)),
    mark(
      median.value,
      '#333',
      { 'stroke-dasharray': '3 2' },
      `Trung vị ${valueText(i, median.value)}`,
    ),
    i.headline === 'weighted' && i.weighted
      ? mark(
          i.weighted.value,
          '#c62828',
          { 'stroke-width': 2 },
          `Tỷ lệ chung ${formatPercent(i.weighted.value)}`,
        )
      : '',
    span === 0
      ? tick(minText!, 'middle', W / 2)
      : `${tick(minText!, 'start', pad)}${tick(maxText!, 'end', W - pad)}`,
  ];
  return svg(W, 54, `Phân bố: ${i.name} (${unit})`, body.join(''));
}
