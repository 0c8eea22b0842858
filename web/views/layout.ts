import { html } from 'hono/html';
import type { Identity } from '../identity.js';

/** What hono's `html` tag returns: text already escaped, safe to put into another template. */
export type Html = ReturnType<typeof html>;

export interface PageOptions {
  title: string;
  identity?: Identity | null;
  /** The CSRF token every form of the page carries. */
  csrf: string;
  /** Seconds after which a page without JS reloads itself (the live view of a pending upload). */
  refreshSeconds?: number;
}

/** A hidden CSRF field; every POST form includes one. */
export const csrfField = (token: string) =>
  html`<input type="hidden" name="_csrf" value="${token}">`;

function who(identity: Identity, csrf: string): Html {
  const label =
    identity.role === 'staff'
      ? `Sở KHCN (tỉnh ${identity.provinceCode})`
      : `Đơn vị ${identity.unitCode}`;
  return html`<div class="who">
    <span>${identity.email} · ${label}</span>
    <form method="post" action="/dang-xuat">${csrfField(csrf)}<button class="link">Đăng xuất</button></form>
  </div>`;
}

/**
 * The one page frame: Vietnamese, mobile first, one stylesheet and one script from /static
 * (the CSP forbids inline script). Every value reaches the page through `html`, which escapes.
 */
export function page(opts: PageOptions, body: Html): Html {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.refreshSeconds ? html`<noscript><meta http-equiv="refresh" content="${opts.refreshSeconds}"></noscript>` : ''}
<title>${opts.title} — tonghop</title>
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<link rel="stylesheet" href="/static/portal.css">
<script src="/static/portal.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">tonghop <small>Báo cáo KHCN, ĐMST và chuyển đổi số</small></a>
  ${opts.identity ? who(opts.identity, opts.csrf) : ''}
</header>
<main id="noi-dung">
${body}
</main>
<footer class="foot">Sở Khoa học và Công nghệ · tonghop</footer>
</body>
</html>`;
}

/** A short message box: `kind` decides its colour and its role for screen readers. */
export function notice(kind: 'error' | 'info' | 'ok', text: string | Html): Html {
  return html`<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</p>`;
}
