import type { DeskLog } from '../ports/desk-log.js';
import type { DeskAction, DeskEvent } from '../schemas/desk-event.js';

/** The staff member acting at the desk: the province comes from the sign-in, never the form. */
export interface DeskStaff {
  sub: string;
  email: string;
  provinceCode: string;
}

/** An action the desk refuses, with the form field and what to do, in Vietnamese. */
export class DeskRefused extends Error {
  override readonly name = 'DeskRefused';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Writes one entry of the desk log for what `who` just did. */
export function record(
  log: DeskLog,
  who: DeskStaff,
  at: Date,
  action: DeskAction,
  subject: string,
  detail = '',
): Promise<void> {
  const event: DeskEvent = {
    provinceCode: who.provinceCode,
    at: at.toISOString(),
    by: { sub: who.sub, email: who.email },
    action,
    subject: subject.slice(0, 300),
    detail: detail.slice(0, 2000),
  };
  return log.append(event);
}
