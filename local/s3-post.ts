import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { unsafeKeyReason } from '../shared/ingest/key-safety.js';

// s3rver accepts browser POST uploads but ignores their policy and signature and does not put
// the file name in place of ${filename}. The portal's security rests on that policy, so the
// embedded stack checks it as S3 does: signature (SigV4 with s3rver's fixed secret),
// expiration, every condition, and no form field the policy does not name.

const require = createRequire(import.meta.url);
const s3rverRequire = createRequire(require.resolve('s3rver'));

interface Upload {
  fields: Record<string, string>;
  file: Buffer | null;
  fileName: string;
}

type Condition = Record<string, string> | [string, string | number, string | number];

const IGNORED = new Set(['policy', 'x-amz-signature', 'file']);

export class PolicyError extends Error {}

function readUpload(req: IncomingMessage, headers: Record<string, unknown>): Promise<Upload> {
  const Busboy = s3rverRequire('busboy');
  return new Promise((ok, fail) => {
    // No prototype: a form field named `__proto__` or `constructor` is a field like any other.
    const upload: Upload = { fields: Object.create(null), file: null, fileName: '' };
    const busboy = new Busboy({ headers, limits: { fileSize: 64 * 1024 * 1024, files: 1 } });
    busboy.on('field', (name: string, value: string) => {
      if (upload.file === null) upload.fields[name.toLowerCase()] = value;
    });
    busboy.on('file', (_name: string, stream: NodeJS.ReadableStream, fileName: string) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        upload.file = Buffer.concat(chunks);
        upload.fileName = fileName;
      });
    });
    busboy.on('finish', () => ok(upload));
    busboy.on('error', fail);
    req.pipe(busboy);
  });
}

function checkSignature(fields: Record<string, string>, secret: string): void {
  const [, date, region, service] = (fields['x-amz-credential'] ?? '').split('/');
  if (!date || !region || !service || !fields.policy) throw new PolicyError('missing credential');
  const hmac = (key: string | Buffer, data: string) =>
    createHmac('sha256', key).update(data).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const expected = Buffer.from(hmac(key, fields.policy).toString('hex'));
  const sent = Buffer.from(fields['x-amz-signature'] ?? '');
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
    throw new PolicyError('signature does not match');
}

function checkCondition(c: Condition, values: Record<string, string>, size: number): string | null {
  if (!Array.isArray(c)) {
    const [[name, value]] = Object.entries(c) as [[string, string]];
    if (values[name.toLowerCase()] !== value) throw new PolicyError(`${name} must be ${value}`);
    return name.toLowerCase();
  }
  const [op, a, b] = c;
  if (op === 'content-length-range') {
    if (size < Number(a) || size > Number(b)) throw new PolicyError(`size ${size} out of range`);
    return null;
  }
  const name = String(a).replace(/^\$/, '').toLowerCase();
  const value = values[name] ?? '';
  if (op === 'eq' && value !== String(b)) throw new PolicyError(`${name} must equal ${b}`);
  if (op === 'starts-with' && !value.startsWith(String(b)))
    throw new PolicyError(`${name} must start with ${b}`);
  return name;
}

/** Throws PolicyError unless S3 would take this upload into `bucket`; returns the final key. */
export function checkPostPolicy(upload: Upload, bucket: string, secret: string, now = new Date()) {
  const { fields } = upload;
  checkSignature(fields, secret);
  const policy = JSON.parse(Buffer.from(fields.policy ?? '', 'base64').toString('utf8')) as {
    expiration: string;
    conditions: Condition[];
  };
  if (!(new Date(policy.expiration) > now)) throw new PolicyError('policy expired');
  if (!upload.file) throw new PolicyError('no file');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: S3's POST variable, spelled literally
  const key = (fields.key ?? '').replace('${filename}', upload.fileName);
  // S3 would keep "../" literally; the embedded store maps keys to files, so it refuses them.
  const unsafe = unsafeKeyReason(key);
  if (unsafe) throw new PolicyError(unsafe);
  const values: Record<string, string> = Object.assign(Object.create(null), fields, {
    key,
    bucket,
  });
  const named = new Set(
    policy.conditions.map((c) => checkCondition(c, values, upload.file!.length)),
  );
  for (const field of Object.keys(fields))
    if (!IGNORED.has(field) && !field.startsWith('x-ignore-') && !named.has(field))
      throw new PolicyError(`extra input field ${field}`);
  return key;
}

interface KoaContext {
  params: { bucket: string };
  headers: Record<string, unknown>;
  req: IncomingMessage;
  ip: string;
  status: number;
  body: unknown;
  type: string;
  app: { emit(name: string, event: unknown): void };
  store: { putObject(o: unknown): Promise<{ md5: string; size: number }> };
  set(name: string, value: string): void;
}

async function postObject(ctx: KoaContext): Promise<void> {
  const S3Object = s3rverRequire('./models/object');
  const S3Event = s3rverRequire('./models/event');
  const upload = await readUpload(ctx.req, ctx.headers);
  let key: string;
  try {
    key = checkPostPolicy(upload, ctx.params.bucket, 'S3RVER');
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    ctx.status = 403;
    ctx.type = 'application/xml';
    const message = `Invalid according to Policy: ${e.message.replace(/[<&]/g, '_')}`;
    ctx.body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>` +
      `<Message>${message}</Message></Error>`;
    return;
  }
  const metadata: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(upload.fields))
    if (k.startsWith('x-amz-meta-') || k === 'content-type') metadata[k] = v;
  const { md5, size } = await ctx.store.putObject(
    new S3Object(ctx.params.bucket, key, upload.file, metadata),
  );
  const item = new S3Object(ctx.params.bucket, key, null, {
    'content-length': size,
    etag: JSON.stringify(md5),
  });
  ctx.app.emit(
    'event',
    new S3Event(
      { bucket: ctx.params.bucket, eventType: 'Post', S3Item: item },
      { reqHeaders: ctx.headers, sourceIp: ctx.ip },
    ),
  );
  ctx.set('ETag', JSON.stringify(md5));
  const redirect = upload.fields.success_action_redirect;
  if (redirect) {
    const to = new URL(redirect);
    to.searchParams.set('bucket', ctx.params.bucket);
    to.searchParams.set('key', key);
    to.searchParams.set('etag', JSON.stringify(md5));
    ctx.status = 303;
    ctx.set('Location', to.href);
    ctx.body = '';
    return;
  }
  ctx.status = upload.fields.success_action_status === '201' ? 201 : 204;
  ctx.body = '';
}

/** Installs the checked POST into s3rver's object controller (its router looks it up per request). */
export function installPostPolicy(): void {
  const controller = s3rverRequire('./controllers/object') as { postObject: unknown };
  controller.postObject = postObject;
}

/** Any origin may upload to the local bucket (the portal's port is chosen at start). */
export const LOCAL_CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>
<AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader>
<ExposeHeader>ETag</ExposeHeader></CORSRule></CORSConfiguration>`;
