import { html } from 'hono/html';
import type { Identity } from '../identity.js';
import { type Html, page } from './layout.js';

const MESSAGES = {
  forbidden: {
    title: 'Không có quyền xem trang này',
    text: 'Trang này thuộc đơn vị khác. Mỗi tài khoản chỉ xem và nộp báo cáo của đơn vị mình.',
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
  return page(
    { title: m.title, identity, csrf },
    html`<h1>${m.title}</h1><p>${m.text}</p><p><a href="/">Về trang chủ</a></p>`,
  );
}
