import { html } from 'hono/html';
import type { Identity } from '../identity.js';
import { type Html, page } from './layout.js';

const MESSAGES = {
  forbidden: {
    title: 'Không có quyền xem trang này',
    text: 'Trang này thuộc đơn vị khác. Mỗi tài khoản chỉ xem và nộp báo cáo của đơn vị mình.',
  },
  staffOnly: {
    title: 'Trang của Sở KHCN',
    text:
      'Trang này dành cho cán bộ Sở Khoa học và Công nghệ theo dõi các đơn vị. ' +
      'Tài khoản của đơn vị nộp và xem báo cáo tại trang của đơn vị mình.',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Địa chỉ không đúng hoặc kỳ báo cáo không còn. Hãy quay về trang chủ để chọn lại.',
  },
} as const;

export function errorPage(
  csrf: string,
  identity: Identity | null,
  kind: keyof typeof MESSAGES,
): Html {
  const m = MESSAGES[kind];
  // A commune is sent to its own page by name, not to a bare "home".
  const home =
    identity?.role === 'commune' && identity.unitCode
      ? html`<a href="/don-vi/${identity.unitCode}">Về trang của đơn vị ${identity.unitCode}</a>`
      : html`<a href="/">Về trang chủ</a>`;
  return page(
    { title: m.title, identity, csrf },
    html`<h1>${m.title}</h1><p>${m.text}</p><p>${home}</p>`,
  );
}
