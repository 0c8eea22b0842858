import type { Document } from '../../schemas/document.js';
import type { Bounded } from '../bounded-worker.js';
import { layoutDocument } from '../document-text.js';
import { FileProblem, fileProblem, textTooLong } from '../file-problem.js';
import type { DocListBytes } from './doc-lists.js';
import { docDocument } from './doc-model.js';
import { type DocAnswer, type DocStories, readDocStories } from './doc-worker.js';

// A legacy Word file (.doc, Word 97–2003) read by word-extractor in a bounded worker. Offices
// name other files .doc too: a .docx renamed is read as the .docx it is; RTF and web pages saved
// "as .doc" are refused with a reason the officer can act on.

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const SAVE_AGAIN = 'vui lòng mở bằng Word, lưu lại thành .docx (hoặc xuất PDF) rồi gửi lại.';

const damaged = (why: string, log: string) =>
  fileProblem('rejected', 'file', 'file.docDamaged', `Tệp .doc ${why}; ${SAVE_AGAIN}`, log);

/** What the first bytes say the file is, when it is not a Word 97–2003 file. */
function notOle(bytes: Uint8Array): never {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart();
  if (head.startsWith('{\\rtf'))
    throw damaged('thực chất là tệp RTF, hệ thống chưa đọc định dạng này', 'rtf named .doc');
  if (/^<(?:!doctype|html|\?xml)/i.test(head))
    throw damaged('thực chất là trang web (HTML/XML) lưu với đuôi .doc', 'html named .doc');
  throw damaged('bị hỏng hoặc không phải tệp Word', 'no OLE signature');
}

function storiesOf(answer: Bounded<DocAnswer>): { stories: DocStories; lists: DocListBytes } {
  switch (answer.kind) {
    case 'ok':
      return answer;
    case 'encrypted':
      throw fileProblem(
        'rejected',
        'file',
        'file.docxEncrypted',
        'Tệp Word .doc được đặt mật khẩu; vui lòng gỡ mật khẩu rồi lưu lại thành .docx.',
        'encrypted .doc',
      );
    case 'chars':
      throw textTooLong(answer.count);
    case 'slow':
      throw damaged('quá phức tạp, đọc vượt thời gian cho phép', 'doc over time budget');
    case 'memory':
      throw damaged('quá phức tạp, đọc vượt bộ nhớ cho phép', 'doc over heap limit');
    case 'damaged':
    case 'crashed':
      throw damaged('bị hỏng, không đọc được nội dung', `word-extractor: ${answer.detail}`);
  }
}

export const isOle = (bytes: Uint8Array) => startsWith(bytes, OLE);

/**
 * A file named .docx that is an OLE file: a Word 97–2003 file renamed (read as the .doc it is), or
 * a .docx encrypted with a password (Word wraps it in an OLE file), which nothing can read.
 */
export async function readOleNamedDocx(bytes: Uint8Array): Promise<Document> {
  try {
    return await readDoc(bytes);
  } catch (e) {
    if (!(e instanceof FileProblem) || e.diagnostic.code !== 'file.docDamaged') throw e;
    throw fileProblem(
      'rejected',
      'file',
      'file.docxEncrypted',
      'Tệp Word được đặt mật khẩu hoặc bị hỏng; vui lòng gỡ mật khẩu và lưu lại dạng .docx.',
      `OLE file named .docx, not Word 97: ${e.message}`,
    );
  }
}

/** The document model of a .doc (or of the .docx a file named .doc really is). */
export async function readDoc(bytes: Uint8Array): Promise<Document> {
  if (startsWith(bytes, ZIP)) return (await import('../decode-docx.js')).readDocx(bytes);
  if (!startsWith(bytes, OLE)) notOle(bytes);
  const { stories, lists } = storiesOf(await readDocStories(bytes));
  return layoutDocument(docDocument(stories, lists)).document;
}
