import type { Addressee, Theme } from '../schemas/rollup.js';
import { fold } from '../text/fold.js';

// Patterns run on folded text (lower case, no diacritics) and tolerate the usual OCR damage
// (o read as 0/6, "ồ" read as "d", "Sở" read as "S&"). A point may fall under several themes.
const THEME_PATTERNS: Array<[Exclude<Theme, 'other'>, RegExp]> = [
  [
    'funding',
    new RegExp(
      [
        String.raw`kinh\s*ph\S`,
        String.raw`ng\S{1,2}n\s*s\S{1,2}ch`,
        String.raw`ng\S{1,3}n\s*(?:v[o0]n|kinh|tai\s*chinh|luc\s*(?:dau|tai))`,
        String.raw`(?:v[o0]n|chi)\s*dau\s*t[uw]|dau\s*t[uw]\s*(?:kinh|v[o0]n|ha\s*tang|trang|mua)`,
        String.raw`chi\s*phi|tai\s*chinh|bo\s*tri\s*v[o0]n|\bv[o0]n\b|dinh\s*muc\s*chi|mua\s*sam`,
      ].join('|'),
    ),
  ],
  [
    'staff',
    new RegExp(
      [
        String.raw`can\s*b[o0d6]|cong\s*chuc|nhan\s*(luc|su)|chuyen\s*trach|kiem\s*nhiem|trinh\s*do`,
        String.raw`chuyen\s*mon|boi\s*duong|vi\s*tri\s*viec\s*lam`,
      ].join('|'),
    ),
  ],
  [
    'infrastructure',
    new RegExp(
      [
        String.raw`ha\s*tang|thiet\s*bi|may\s*(vi\s*)?tinh|may\s*chu|may\s*(scan|quet)|duong\s*truyen`,
        String.raw`internet|cap\s*quang|\b[45]g\b|song\s*(di\s*dong|dien\s*thoai)|phan\s*mem`,
        String.raw`co\s*s[o0]\s*vat\s*chat|mang\s*(luoi|lan|internet|vien\s*thong|di\s*dong|wan)`,
        String.raw`ket\s*noi|toc\s*do`,
      ].join('|'),
    ),
  ],
  [
    'guidance',
    new RegExp(
      [
        String.raw`huong\s*dan|van\s*ban|quy\s*dinh|co\s*che|chinh\s*sach|sap\s*xep|sap\s*nhap`,
        String.raw`hop\s*nhat|(hai|2)\s*cap|chuc\s*nang|phap\s*ly|thong\s*tu|nghi\s*dinh`,
        String.raw`thong\s*nhat\s*(mau|bieu)`,
      ].join('|'),
    ),
  ],
  [
    'citizen_skills',
    new RegExp(
      [
        String.raw`nguoi\s*dan|nhan\s*dan|nguoi\s*cao\s*tuoi|cong\s*dan|dien\s*thoai\s*thong\s*minh`,
        String.raw`smartphone|ho\s*gia\s*dinh|thoi\s*quen`,
      ].join('|'),
    ),
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
    new RegExp(
      [
        String.raw`trung\s*uong|chinh\s*phu|thu\s*tuong|quoc\s*hoi|\bcac\s*bo\b|\bbo\s*,?\s*nganh`,
        String.raw`\bbo\s+(khoa\s*hoc|tai\s*chinh|noi\s*vu|cong\s*an|thong\s*tin)`,
      ].join('|'),
    ),
  ],
];

/**
 * The theme a point is about: of the themes it touches, the one it names first ("Kinh phí …
 * sau sắp xếp" is about funding, "Thiếu cán bộ …; kinh phí còn hạn chế" about staff), so that
 * each point is filed and quoted once. `f` is the item folded, when the caller has it.
 */
export function themeOf(item: string, f = fold(item)): Theme {
  let best: Theme = 'other';
  let at = Infinity;
  for (const [theme, re] of THEME_PATTERNS) {
    const m = re.exec(f);
    if (m && m.index < at) {
      best = theme;
      at = m.index;
    }
  }
  return best;
}

/** Whom a proposal addresses; `f` is the item folded, when the caller has it. */
export function addresseesOf(item: string, f = fold(item)): Addressee[] {
  const found = ADDRESSEE_PATTERNS.filter(([, re]) => re.test(f)).map(([a]) => a);
  return found.length ? found : ['unspecified'];
}
