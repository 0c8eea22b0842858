import { SPACE, trimEndOf } from '../text/trim.js';
import type { Line } from './lines.js';

export interface SignatureBlock {
  name: string | null;
  title: string | null;
  distribution: string[];
}

// Titles in a commune's signature block, most specific first; written back in proper Vietnamese.
const TITLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bkt\s{0,3}[.,]?\s{0,3}ch[uủ]?\s*t[i1]ch\b/, 'KT. CHỦ TỊCH'],
  [/\bq\s*\.\s*ch[uủ]?\s*t[i1]ch\b/, 'Q. CHỦ TỊCH'],
  [/\bph[o0]\s+ch[uủ]?\s*t[i1]ch\b/, 'PHÓ CHỦ TỊCH'],
  [/\bch[uủ]\s*t[i1]ch\b/, 'CHỦ TỊCH'],
  [/\bch[a-z]nh\s+v[a-z]n\s+ph[o0]ng\b/, 'CHÁNH VĂN PHÒNG'],
];

const NOI_NHAN = /\bn[o0][i1]\s+nh[a-z]{1,2}n\s*:?/;
const SIGNATURE_NOISE =
  /(tm\s*\.|kt\s*\.|ch[uủ]?\s*t[i1]ch|uy\s+ban|nh[a-z]n\s+d[a-z]n|\(?da\s+ky\)?|\bky\s+ten\b)/;

function isPersonName(text: string): boolean {
  const t = trimEndOf(text, '.,;:').trim();
  if (t.length < 4 || t.length > 40) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return (
    words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w)) ||
    words.every((w) => /^\p{Lu}+$/u.test(w) && w.length <= 7)
  );
}

/** The signer's title and name, and the "Nơi nhận" list, from the last lines of the text. */
export function readSignature(lines: Line[]): SignatureBlock {
  const from = Math.max(0, lines.length - 40);
  const tail = lines.slice(from);
  let title: string | null = null;
  let titleAt = -1;
  tail.forEach((l, i) => {
    for (const [re, t] of TITLES) {
      if (re.test(l.folded)) {
        // "KT. CHỦ TỊCH" is followed by the deputy's own title; the later line is who signed.
        title = t;
        titleAt = i;
        break;
      }
    }
  });

  let name: string | null = null;
  if (titleAt >= 0) {
    for (let i = titleAt + 1; i < Math.min(tail.length, titleAt + 8); i++) {
      const l = tail[i]!;
      if (NOI_NHAN.test(l.folded) || /^[-+]/.test(l.text)) continue;
      if (SIGNATURE_NOISE.test(l.folded)) continue;
      if (isPersonName(l.text)) {
        name = trimEndOf(l.text, '.,;:').trim();
        break;
      }
    }
  }

  const distribution: string[] = [];
  const start = tail.findIndex((l) => NOI_NHAN.test(l.folded));
  if (start >= 0) {
    for (let i = start + 1; i < tail.length; i++) {
      const l = tail[i]!;
      if (!/^[-+•]/.test(l.text)) {
        if (distribution.length) break;
        continue;
      }
      // The signature column sits on the same line in merged OCR: cut it off.
      let item = l.text.replace(/^[-+•]\s*/, '');
      const f = l.folded.slice(l.text.length - item.length);
      const cut = f.search(/\s(tm\s*\.|kt\s*\.|ph[o0]\s+ch[uủ]|ch[uủ]\s*t[i1]ch)/);
      if (cut >= 0) item = item.slice(0, cut);
      item = trimEndOf(item, `;.,${SPACE}`).trim();
      if (item) distribution.push(item);
    }
  }
  return { name, title, distribution };
}
