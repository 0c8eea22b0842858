import { html } from 'hono/html';
import type { Html } from './layout.js';

export const PAGE_SIZE = 50;

/** The rows of page `n` (1-based, clamped) of a long list, and how many pages there are. */
export function pageOf<T>(rows: T[], asked: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  return { page, pages, rows: rows.slice((page - 1) * size, page * size), total: rows.length };
}

/** "Trang 2/3" with links to the others, keeping the list's filters (`base`) in each address. */
export function pager(
  path: string,
  base: URLSearchParams,
  p: { page: number; pages: number },
): Html {
  if (p.pages <= 1) return html``;
  const link = (n: number) => {
    const q = new URLSearchParams(base);
    q.set('trang', String(n));
    return n === p.page
      ? html`<a href="${path}?${q.toString()}" aria-current="page">${n}</a>`
      : html`<a href="${path}?${q.toString()}">${n}</a>`;
  };
  const numbers = Array.from({ length: p.pages }, (_, i) => i + 1);
  return html`<nav class="pager" aria-label="Trang ${p.page}/${p.pages}">Trang ${numbers.map(link)}</nav>`;
}
