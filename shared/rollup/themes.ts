import type { Section } from '../schemas/report.js';
import type { Addressee, Quote, Theme } from '../schemas/rollup.js';
import type { Submission } from '../schemas/submission.js';
import { fold } from '../text/fold.js';
import { sourceOf } from './source-ref.js';

// Patterns run on folded text (lower case, no diacritics) and tolerate the usual OCR damage
// (o read as 0/6, "Sở" read as "S&"). An item may fall under several themes.
const THEME_PATTERNS: Array<[Exclude<Theme, 'other'>, RegExp]> = [
  [
    'funding',
    /kinh\s*phi|ngan\s*sach|nguon\s*(von|kinh|tai\s*chinh)|von\s*dau\s*tu|chi\s*phi|tai\s*chinh|bo\s*tri\s*v[o0]n/,
  ],
  [
    'staff',
    /can\s*b[o0d6]|cong\s*chuc|nhan\s*(luc|su)|chuyen\s*trach|kiem\s*nhiem|trinh\s*do|chuyen\s*mon|boi\s*duong|vi\s*tri\s*viec\s*lam/,
  ],
  [
    'infrastructure',
    /ha\s*tang|thiet\s*bi|may\s*(vi\s*)?tinh|may\s*chu|may\s*(scan|quet)|duong\s*truyen|internet|cap\s*quang|\b[45]g\b|song\s*(di\s*dong|dien\s*thoai)|phan\s*mem|co\s*s[o0]\s*vat\s*chat|mang\s*(luoi|lan|internet|vien\s*thong|di\s*dong|wan)|ket\s*noi|toc\s*do/,
  ],
  [
    'guidance',
    /huong\s*dan|van\s*ban|quy\s*dinh|co\s*che|chinh\s*sach|sap\s*xep|sap\s*nhap|hop\s*nhat|(hai|2)\s*cap|chuc\s*nang|phap\s*ly|thong\s*tu|nghi\s*dinh|thong\s*nhat\s*(mau|bieu)/,
  ],
  [
    'citizen_skills',
    /nguoi\s*dan|nhan\s*dan|nguoi\s*cao\s*tuoi|cong\s*dan|dien\s*thoai\s*thong\s*minh|smartphone|ho\s*gia\s*dinh|thoi\s*quen/,
  ],
];

const ADDRESSEE_PATTERNS: Array<[Exclude<Addressee, 'unspecified'>, RegExp]> = [
  ['science_department', /\bs[o0&]\s*(khoa\s*hoc|khcn|kh\s*&\s*cn)/],
  ['finance_department', /\bs[o0&]\s*tai\s*chinh/],
  [
    'provincial_committee',
    /(ubnd|uy\s*ban\s*nhan\s*dan|hdnd|hoi\s*dong\s*nhan\s*dan)\s*tinh|\btinh\s*(uy|quan\s*tam|bo\s*tri|ho\s*tro)/,
  ],
  [
    'central_government',
    /trung\s*uong|chinh\s*phu|thu\s*tuong|quoc\s*hoi|\bcac\s*bo\b|\bbo\s*,?\s*nganh|\bbo\s+(khoa\s*hoc|tai\s*chinh|noi\s*vu|cong\s*an|thong\s*tin)/,
  ],
];

export const THEME_TITLES: Record<Theme, string> = {
  funding: 'Kinh phí, nguồn lực tài chính',
  staff: 'Nhân lực, trình độ cán bộ',
  infrastructure: 'Hạ tầng, trang thiết bị',
  guidance: 'Cơ chế, văn bản hướng dẫn sau sắp xếp chính quyền địa phương hai cấp',
  citizen_skills: 'Kỹ năng số của người dân',
  other: 'Vấn đề khác',
};

export const ADDRESSEE_TITLES: Record<Addressee, string> = {
  science_department: 'Sở Khoa học và Công nghệ',
  finance_department: 'Sở Tài chính',
  provincial_committee: 'UBND tỉnh',
  central_government: 'Trung ương (Chính phủ, các bộ, ngành)',
  unspecified: 'Chưa nêu cơ quan',
};

const BULLET = /^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s*/i;
// The closing formula and the recipients block that follow the last section are not content.
const CLOSING = /^(tren\s*day\s*l|noi\s*nhan|kt\.?\s*chu\s*tich|tm\.?\s*(uy\s*ban|ubnd))/;
const MAX_QUOTE = 240;

/** A quote short enough for a table cell, cut at a word. */
export function shorten(text: string, max = MAX_QUOTE): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[\s,;:.]+$/, '')}…`;
}

/** The points a section makes: its bullets, or its sentences when it has none. */
export function sectionItems(text: string): string[] {
  const items: string[] = [];
  let bulleted = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (CLOSING.test(fold(line))) break;
    if (BULLET.test(line)) {
      bulleted = true;
      items.push(line.replace(BULLET, ''));
    } else if (bulleted && items.length) items[items.length - 1] += ` ${line}`;
    else items.push(line);
  }
  const out = bulleted ? items : items.join(' ').split(/(?<=[.;])\s+(?=\p{Lu})/u);
  return out.map((s) => s.trim()).filter((s) => s.replace(/[^\p{L}]/gu, '').length >= 12);
}

export function themesOf(item: string): Theme[] {
  const f = fold(item);
  const found = THEME_PATTERNS.filter(([, re]) => re.test(f)).map(([t]) => t);
  return found.length ? found : ['other'];
}

export function addresseesOf(item: string): Addressee[] {
  const f = fold(item);
  const found = ADDRESSEE_PATTERNS.filter(([, re]) => re.test(f)).map(([a]) => a);
  return found.length ? found : ['unspecified'];
}

export interface Grouped<K extends string> {
  key: K;
  title: string;
  units: number;
  quotes: Quote[];
}

function group<K extends string>(
  order: readonly K[],
  titles: Record<K, string>,
  entries: Array<{ keys: K[]; quote: Quote }>,
): Array<Grouped<K>> {
  return order
    .map((key) => {
      const quotes = entries.filter((e) => e.keys.includes(key)).map((e) => e.quote);
      return {
        key,
        title: titles[key],
        units: new Set(quotes.map((q) => q.unitCode)).size,
        quotes,
      };
    })
    .filter((g) => g.quotes.length > 0)
    .sort((a, b) => b.units - a.units || order.indexOf(a.key) - order.indexOf(b.key));
}

const THEME_ORDER: Theme[] = [
  'funding',
  'staff',
  'infrastructure',
  'guidance',
  'citizen_skills',
  'other',
];
const ADDRESSEE_ORDER: Addressee[] = [
  'science_department',
  'finance_department',
  'provincial_committee',
  'central_government',
  'unspecified',
];

/**
 * Difficulties (with their causes) and proposals of the accepted reports, grouped by theme with
 * the number of units raising each; proposals also by whom they address.
 */
export function consolidateText(accepted: Array<{ submission: Submission; unitName: string }>) {
  const difficulties: Array<{ keys: Theme[]; quote: Quote }> = [];
  const proposals: Array<{ keys: Theme[]; addressees: Addressee[]; quote: Quote }> = [];
  for (const { submission, unitName } of accepted) {
    const quoteOf = (section: Section, text: string): Quote => ({
      text: shorten(text),
      unitCode: submission.unitCode,
      unitName,
      section: section.heading,
      source: sourceOf(submission),
    });
    for (const section of submission.report?.sections ?? []) {
      if (
        section.kind !== 'difficulties' &&
        section.kind !== 'causes' &&
        section.kind !== 'proposals'
      )
        continue;
      for (const item of sectionItems(section.text)) {
        if (section.kind === 'proposals')
          proposals.push({
            keys: themesOf(item),
            addressees: addresseesOf(item),
            quote: quoteOf(section, item),
          });
        else difficulties.push({ keys: themesOf(item), quote: quoteOf(section, item) });
      }
    }
  }
  return {
    difficulties: group(THEME_ORDER, THEME_TITLES, difficulties).map(({ key, ...g }) => ({
      theme: key,
      ...g,
    })),
    proposals: group(THEME_ORDER, THEME_TITLES, proposals).map(({ key, ...g }) => ({
      theme: key,
      ...g,
    })),
    proposalsByAddressee: group(
      ADDRESSEE_ORDER,
      ADDRESSEE_TITLES,
      proposals.map((p) => ({ keys: p.addressees, quote: p.quote })),
    ).map(({ key, ...g }) => ({ addressee: key, ...g })),
  };
}

/** Quotes with the same words (boilerplate many units copy) shown once, with all their units. */
export function distinctQuotes(quotes: Quote[]): Array<{ text: string; unitCodes: string[] }> {
  const byText = new Map<string, { text: string; unitCodes: string[] }>();
  for (const q of quotes) {
    const key = fold(q.text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const entry = byText.get(key);
    if (entry) {
      if (!entry.unitCodes.includes(q.unitCode)) entry.unitCodes.push(q.unitCode);
    } else byText.set(key, { text: q.text, unitCodes: [q.unitCode] });
  }
  return [...byText.values()].sort((a, b) => b.unitCodes.length - a.unitCodes.length);
}
