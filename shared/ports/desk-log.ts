import type { DeskEvent } from '../schemas/desk-event.js';

/** The desk's own record of rounds opened or changed, contact lists imported, accounts changed. */
export interface DeskLog {
  append(event: DeskEvent): Promise<void>;
  /** A province's entries, newest first, at most `limit`. */
  list(provinceCode: string, limit: number): Promise<DeskEvent[]>;
}
