// A visitor of the portal over HTTP, for tests and the bench: cookies kept as a browser keeps them.

/** A signed-in (or anonymous) visitor: a cookie jar, and the CSRF token of the last page. */
export class PortalClient {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The raw Set-Cookie lines of the last response, for flag checks. */
  lastSetCookies: string[] = [];

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method && init.method !== 'GET' && !headers.has('origin'))
      headers.set('origin', this.base);
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair = '', ...attrs] = line.split(';');
      const [k = '', v = ''] = pair.split('=');
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()));
      if (expired || v === '') this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }

  /** GET a page and remember its CSRF token. */
  async page(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await this.request(path);
    const html = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return { status: res.status, html, res };
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ _csrf: this.csrf, ...form });
    return this.request(path, { method: 'POST', body, headers });
  }
}

/**
 * Signs a new account in through the portal's pages: the temporary password, then the change of
 * password the first sign-in asks for. Returns the signed-in visitor.
 */
export async function signInFirstTime(
  base: string,
  email: string,
  temporaryPassword: string,
  finalPassword: string,
): Promise<PortalClient> {
  const client = new PortalClient(base);
  await client.page('/dang-nhap');
  const first = await client.post('/dang-nhap', { email, password: temporaryPassword, tiep: '/' });
  if (first.status !== 200) throw new Error(`first sign-in gave ${first.status}`);
  const done = await client.post('/doi-mat-khau', {
    email,
    password: finalPassword,
    confirm: finalPassword,
    tiep: '/',
  });
  if (done.status !== 303) throw new Error(`password change gave ${done.status}`);
  return client;
}
