import { INDICATOR_CATALOGUE } from '../reader/catalogue.js';
import type { SignItem } from '../rollup/sign-checks.js';
import { MAX_STATEMENT_CHARS, type SignCheck } from '../schemas/confirmation.js';
import type { DeskEvent } from '../schemas/desk-event.js';
import { statedValue } from './confirm-figures.js';

// The Department's decision on one item of "Kiểm tra trước khi ký": accept it, edit it (a figure's
// value, a quote's text) or drop it. Only an item of the list as built now can be decided: an id
// typed into a form that the province's own rollup does not show is refused.

/** The form of one item: `item` its id, `d` chap-nhan / sua / bo, `v` a value, `t` a text. */
export type SignForm = Record<string, string | undefined>;

const DECISIONS = { 'chap-nhan': 'accepted', sua: 'edited', bo: 'dropped' } as const;
const WORDS = { accepted: 'Chấp nhận', edited: 'Sửa', dropped: 'Bỏ' } as const;
const KINDS = new Map(INDICATOR_CATALOGUE.map((e) => [e.key, e.kind]));

type Who = SignCheck['by'];
type Decided = { check: SignCheck; event: DeskEvent };

const vn = (n: number) => String(n).replace('.', ',');

/** What the item is, in a few words for the desk log (values escaped where the log is shown). */
export function itemSummary(item: SignItem): string {
  const unit = `đơn vị ${item.unitCode}`;
  if (item.kind === 'quote')
    return `${unit}, trích dẫn đã sửa chữ: “${item.text.slice(0, 200)}” (văn bản: “${item.original.slice(0, 200)}”)`;
  if (item.kind === 'left_out')
    return `${unit}, báo cáo không được tính: ${item.reason.slice(0, 300)}`;
  const f = item.figure;
  const read = `${vn(f.value)}${f.unit ? ` ${f.unit}` : ''}`;
  const stated = item.statement?.stated
    ? `, đơn vị sửa thành ${vn(item.statement.stated.value)}`
    : '';
  const what = { scanned: 'đọc từ bản quét', corrected: 'đơn vị đã sửa', mapping: 'ghép chỉ tiêu' }[
    item.kind
  ];
  return `${unit}, ${item.name.slice(0, 200)} (${what}): đọc được ${read}${stated}`;
}

/** The edit a person typed, for the item's kind; or why it cannot be used (Vietnamese). */
function editOf(
  item: SignItem,
  form: SignForm,
): { value?: number; text?: string } | { error: string } {
  if (item.kind === 'left_out')
    return {
      error:
        'Báo cáo không được tính chỉ có thể chấp nhận (để ngoài) hoặc xử lý ở mục Cần xem xét.',
    };
  if (item.kind === 'quote') {
    const text = (form.t ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_STATEMENT_CHARS)
      return { error: `Vui lòng ghi câu trích dẫn đúng (1 đến ${MAX_STATEMENT_CHARS} ký tự).` };
    return { text };
  }
  const kind = KINDS.get(item.figure.key ?? '') ?? 'count';
  const stated = statedValue(form.v ?? '', kind);
  if (!stated)
    return {
      error:
        kind === 'rate'
          ? 'Vui lòng ghi tỷ lệ từ 0 đến 100 (ví dụ 76,4) hoặc tử số/mẫu số (ví dụ 687/964).'
          : 'Vui lòng ghi một số (ví dụ 1.532 hoặc 12).',
    };
  return { value: stated.value };
}

/**
 * The Department's decision from the form of one item, and its desk-log entry; or why it was
 * refused (the item is not on the list, the choice or the value cannot be read).
 */
export function signCheckFrom(
  form: SignForm,
  items: SignItem[],
  scope: { provinceCode: string; roundId: string },
  by: Who,
  now: Date,
): Decided | { error: string; item: string | null } {
  const item = items.find((i) => i.id === form.item);
  if (!item)
    return {
      error: 'Mục này không còn trong danh sách kiểm tra (đã lập lại?). Vui lòng tải lại trang.',
      item: null,
    };
  const decision = DECISIONS[form.d as keyof typeof DECISIONS];
  if (!decision) return { error: 'Vui lòng chọn chấp nhận, sửa hoặc bỏ.', item: item.id };
  const edit = decision === 'edited' ? editOf(item, form) : {};
  if ('error' in edit) return { error: edit.error, item: item.id };
  const check: SignCheck = {
    ...scope,
    item: item.id,
    by,
    at: now.toISOString(),
    decision,
    ...edit,
  };
  const value =
    edit.value !== undefined
      ? ` → ${vn(edit.value)}`
      : edit.text
        ? ` → “${edit.text.slice(0, 300)}”`
        : '';
  return {
    check,
    event: deskEvent(scope, by, now, `${WORDS[decision]}${value}: ${itemSummary(item)}`),
  };
}

/** Every item of a group not yet decided, accepted at once (the desk log names how many). */
export function acceptAll(
  items: SignItem[],
  scope: { provinceCode: string; roundId: string },
  by: Who,
  now: Date,
  what: string,
): { checks: SignCheck[]; event: DeskEvent } | null {
  const open = items.filter((i) => !i.decision);
  if (!open.length) return null;
  const at = now.toISOString();
  const checks = open.map(
    (i): SignCheck => ({ ...scope, item: i.id, by, at, decision: 'accepted' }),
  );
  return {
    checks,
    event: deskEvent(scope, by, now, `Chấp nhận cùng lúc ${open.length} mục (${what})`),
  };
}

function deskEvent(
  scope: { provinceCode: string; roundId: string },
  by: Who,
  now: Date,
  detail: string,
): DeskEvent {
  return {
    provinceCode: scope.provinceCode,
    at: now.toISOString(),
    by,
    action: 'figures_checked',
    subject: scope.roundId,
    detail: detail.slice(0, 2000),
  };
}
