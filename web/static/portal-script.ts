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
          new Error(`Tệp "${file.name}" không được nhận (mã ${xhr.status}); tệp tối đa 20 MB.`),
        );
    };
    xhr.onerror = () => reject(new Error(`Mất kết nối khi gửi "${file.name}". Vui lòng thử lại.`));
    xhr.send(data);
  });
}

function enableDrop(drop: HTMLElement, input: HTMLInputElement): void {
  input.multiple = true;
  drop.textContent = 'Chọn tệp hoặc kéo thả vào đây (được chọn nhiều tệp, nhiều ảnh)';
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
    button.disabled = true;
    box.hidden = false;
    sendAll(form, files, show).then(
      (ids) => {
        show(100, 'Đã gửi xong, đang chờ kết quả đọc…');
        location.assign(`${location.pathname}?tep=${ids.join(',')}`);
      },
      (err: Error) => {
        say.textContent = err.message;
        button.disabled = false;
      },
    );
  });
}

function waitForResult(el: HTMLElement): void {
  const url = el.dataset.wait ?? '';
  const started = Date.now();
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
          setTimeout(poll, 1500);
        },
        () => setTimeout(poll, 5000),
      );
  };
  setTimeout(poll, 1000);
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
  enableDrop,
  sendAll,
  enhanceUpload,
  waitForResult,
  start,
]
  .map((f) => f.toString())
  .join('\n')}\n${start.name}();\n`;
