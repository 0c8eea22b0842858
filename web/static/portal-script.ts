/// <reference lib="dom" />

// The portal's only script, served from /static/portal.js as the source text of the functions
// below (the CSP forbids inline script). Progressive enhancement: every page works without it.
// It adds drag and drop, several files at once and a progress bar to the upload form, and polls
// for the result of an upload instead of reloading the page. The functions use nothing from
// outside this list (they are sent to the browser as text), no imports.

interface UploadTarget {
  url: string;
  fields: Record<string, string>;
  uploadId: string;
}

function presign(url: string, csrf: string): Promise<UploadTarget> {
  const init = {
    method: 'POST',
    credentials: 'same-origin' as const,
    headers: { 'x-csrf-token': csrf },
  };
  return fetch(url, init).then((res) => {
    if (!res.ok)
      throw new Error(`Không tạo được phiên nộp tệp (mã ${res.status}). Hãy tải lại trang.`);
    return res.json();
  });
}

function sendFile(target: UploadTarget, file: File, onProgress: (loaded: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const data = new FormData();
    for (const k of Object.keys(target.fields)) data.append(k, target.fields[k] as string);
    data.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target.url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status < 300) resolve();
      else
        reject(
          new Error(
            `Tệp "${file.name}" chưa gửi được (kho lưu trữ từ chối, mã ${xhr.status}). ` +
              'Hãy tải lại trang rồi nộp lại; nếu vẫn lỗi, báo cho Sở KHCN.',
          ),
        );
    };
    xhr.onerror = () => reject(new Error(`Mất kết nối khi gửi "${file.name}". Vui lòng thử lại.`));
    xhr.send(data);
  });
}

/** CRC-32 (ZIP's checksum) of some bytes; the table is built per call to stay self-contained. */
function crc32(bytes: Uint8Array): number {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++)
    crc = (table[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A ZIP of stored (uncompressed) entries: photos are compressed already, and the server reads
 * a .zip of photos as the pages of one report. UTF-8 names (flag bit 11).
 */
function zipStored(entries: { name: string; bytes: Uint8Array }[]): Uint8Array[] {
  const utf8 = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (size: number) => {
    const b = new Uint8Array(size);
    return { b, v: new DataView(b.buffer) };
  };
  for (const e of entries) {
    const name = utf8.encode(e.name);
    const crc = crc32(e.bytes);
    const local = header(30);
    local.v.setUint32(0, 0x04034b50, true);
    local.v.setUint16(4, 20, true);
    local.v.setUint16(6, 0x0800, true);
    local.v.setUint32(14, crc, true);
    local.v.setUint32(18, e.bytes.length, true);
    local.v.setUint32(22, e.bytes.length, true);
    local.v.setUint16(26, name.length, true);
    const dir = header(46);
    dir.v.setUint32(0, 0x02014b50, true);
    dir.v.setUint16(4, 20, true);
    dir.v.setUint16(6, 20, true);
    dir.v.setUint16(8, 0x0800, true);
    dir.v.setUint32(16, crc, true);
    dir.v.setUint32(20, e.bytes.length, true);
    dir.v.setUint32(24, e.bytes.length, true);
    dir.v.setUint16(28, name.length, true);
    dir.v.setUint32(42, offset, true);
    parts.push(local.b, name, e.bytes);
    central.push(dir.b, name);
    offset += 30 + name.length + e.bytes.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = header(22);
  end.v.setUint32(0, 0x06054b50, true);
  end.v.setUint16(8, entries.length, true);
  end.v.setUint16(10, entries.length, true);
  end.v.setUint32(12, size, true);
  end.v.setUint32(16, offset, true);
  return [...parts, ...central, end.b];
}

/**
 * Several photos chosen together are the pages of one report: they go as one .zip, in page order
 * by name ("2.jpg" before "10.jpg"), each name led by its page number so the order holds and two
 * photos of the same name stay two pages. Anything else is sent file by file.
 */
export function photosAsOne(files: File[]): Promise<File[]> {
  const photo = /\.(jpe?g|png|tiff?)$/i;
  if (files.length < 2 || !files.every((f) => photo.test(f.name))) return Promise.resolve(files);
  const sorted = [...files].sort((a, b) =>
    a.name.localeCompare(b.name, 'vi', { numeric: true, sensitivity: 'base' }),
  );
  return Promise.all(sorted.map((f) => f.arrayBuffer())).then((buffers) => {
    const entries = buffers.map((b, i) => ({
      name: `${String(i + 1).padStart(2, '0')}-${sorted[i]?.name ?? ''}`,
      bytes: new Uint8Array(b),
    }));
    const zip = zipStored(entries) as BlobPart[];
    const type = { type: 'application/zip' };
    // Named by the photos the person chose (shown so in the history and the receipt), shortened
    // to the first and last when long; shared/files/shown-name.ts reads this form back.
    const all = sorted.map((f) => f.name.replace(/[,/\\]/g, ' ')).join(', ');
    const short =
      all.length > 120 ? `${sorted[0]?.name}, …, ${sorted.at(-1)?.name}`.slice(0, 160) : all;
    return [new File(zip, `${short} (${files.length} ảnh).zip`, type)];
  });
}

function enableDrop(drop: HTMLElement, input: HTMLInputElement): void {
  input.multiple = true;
  drop.textContent =
    'Chọn tệp hoặc kéo thả vào đây (nhiều tệp được; nhiều ảnh chọn cùng lúc là các trang của một báo cáo)';
  for (const t of ['dragenter', 'dragover'])
    drop.addEventListener(t, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  for (const t of ['dragleave', 'drop'])
    drop.addEventListener(t, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = (e as DragEvent).dataTransfer?.files;
    if (files?.length) input.files = files;
  });
}

/**
 * What stops a file before it is sent, in one line: over 20 MB (S3 would refuse it with a bare
 * 403). An empty file is sent: it is recorded as rejected, with its reason, like any unreadable file.
 */
function refusalOf(file: File): string | null {
  const max = 20 * 1024 * 1024;
  if (file.size <= max) return null;
  const mb = (file.size / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return (
    `Tệp "${file.name}" nặng ${mb} MB, quá giới hạn 20 MB nên chưa được gửi. ` +
    'Hãy giảm dung lượng (chụp ảnh nhỏ hơn, lưu PDF nén) rồi chọn lại.'
  );
}

/** Sends the files one after another, one pre-signed POST each; resolves with their upload ids. */
function sendAll(form: HTMLFormElement, files: File[], show: (pct: number, text: string) => void) {
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  const ids: string[] = [];
  let before = 0;
  let chain = Promise.resolve();
  files.forEach((file, i) => {
    chain = chain
      .then(() => presign(form.dataset.presign ?? '', form.dataset.csrf ?? ''))
      .then((target) => {
        ids.push(target.uploadId);
        const text = `Đang gửi tệp ${i + 1}/${files.length}: ${file.name}`;
        return sendFile(target, file, (loaded) =>
          show(Math.round(((before + loaded) / total) * 100), text),
        );
      })
      .then(() => {
        before += file.size;
      });
  });
  return chain.then(() => ids);
}

function enhanceUpload(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type=file]');
  const drop = form.querySelector<HTMLElement>('.drop');
  const box = form.querySelector<HTMLElement>('.progress');
  const bar = form.querySelector<HTMLProgressElement>('progress');
  const say = form.querySelector<HTMLElement>('.progress span');
  const button = form.querySelector<HTMLButtonElement>('button');
  if (!input || !drop || !box || !bar || !say || !button) return;
  enableDrop(drop, input);
  const show = (pct: number, text: string) => {
    bar.value = pct;
    say.textContent = text;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const files = Array.from(input.files ?? []);
    if (!files.length) return;
    const refused = files.map(refusalOf).find(Boolean);
    if (refused) {
      box.hidden = false;
      show(0, refused);
      return;
    }
    button.disabled = true;
    box.hidden = false;
    photosAsOne(files)
      .then((ready) => {
        if (ready.length < files.length)
          show(0, `Gộp ${files.length} ảnh thành một báo cáo (trang theo thứ tự tên tệp)…`);
        return sendAll(form, ready, show);
      })
      .then(
        (ids) => {
          show(100, 'Đã gửi xong, đang chờ kết quả đọc…');
          location.assign(`${location.pathname}?tep=${ids.join(',')}`);
        },
        (err: Error) => {
          // The bar says how far it went, not "done": a refused upload shows an empty bar.
          show(0, err.message);
          button.disabled = false;
        },
      );
  });
}

/**
 * How long the page waits before asking the `attempt`-th time (from 0) whether its files are read:
 * a typed file is read within about a second and a scan within its OCR time, so the page asks
 * soon and then every half second (a DynamoDB query each), more slowly after the first minute.
 */
export function pollDelay(attempt: number): number {
  return attempt === 0 ? 250 : attempt < 120 ? 500 : 2000;
}

function waitForResult(el: HTMLElement): void {
  const url = el.dataset.wait ?? '';
  const started = Date.now();
  let attempt = 0;
  const poll = (): void => {
    fetch(url, { credentials: 'same-origin' })
      .then((r) => r.json())
      .then(
        (s: { pending: string[] }) => {
          if (!s.pending.length) return location.replace(location.pathname);
          if (Date.now() - started > 180_000) {
            el.textContent =
              'Tệp đã được nhận; kết quả đọc sẽ hiện ở trang này khi xử lý xong. Hãy tải lại trang sau ít phút.';
            return;
          }
          setTimeout(poll, pollDelay(attempt++));
        },
        () => setTimeout(poll, 5000),
      );
  };
  setTimeout(poll, pollDelay(attempt++));
}

function start(): void {
  for (const f of Array.from(document.querySelectorAll<HTMLFormElement>('form[data-presign]')))
    enhanceUpload(f);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-wait]')))
    waitForResult(el);
}

/** What /static/portal.js serves; names may be minified (the Lambda bundle), hence start.name. */
export const PORTAL_JS = `${[
  presign,
  sendFile,
  crc32,
  zipStored,
  photosAsOne,
  enableDrop,
  refusalOf,
  sendAll,
  enhanceUpload,
  pollDelay,
  waitForResult,
  start,
]
  .map((f) => f.toString())
  .join('\n')}\n${start.name}();\n`;
