import { rollupView } from '../shared/rollup/rollup-view.js';
import { RollupSubmission, RollupView } from '../shared/schemas/rollup-view.js';
import type { Signature } from '../shared/schemas/signature.js';
import type { Submission } from '../shared/schemas/submission.js';

// The rollup's view of a submission is stored as one JSON string attribute. As a nested map, the
// AWS SDK unmarshalled every value of it (a JSON reviver, then a typed object per value), which
// took most of the country's rollup read: about 2 CPU-s for 3,000 views. A string is one
// JSON.parse; zod still validates it on read. Items stored before this keep their map and are
// read as they are.

/** The view as the table stores it: a JSON string, or null when there is no report. */
export const storedView = (s: Submission): string | null =>
  s.report ? JSON.stringify(rollupView(s.report)) : null;

/** A JSON string as its value; left as it is when it is not JSON, so that zod names the field. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An item of the ROLLUP index as the rollup reads it, whichever shape its view was stored in. */
export function rollupSubmissionOf(item: Record<string, unknown>): RollupSubmission {
  const view = typeof item.view === 'string' ? parsedJson(item.view) : item.view;
  return RollupSubmission.parse({ ...item, view });
}

/** How one signature update writes the view, as it was read: set, condition and its values. */
export interface ViewUpdate {
  set: string;
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/**
 * The view's part of a signature update. A string view is rewritten whole, on the condition that
 * it is still the string read (a concurrent write makes the update fail and it is tried again on
 * the new one); a map view (stored before) has its signatures set in place; an item without one
 * (stored before views existed) is left without, on the condition that it still has none.
 */
export function viewUpdate(stored: unknown, signatures: Signature[]): ViewUpdate {
  const names = { '#view': 'view' };
  if (typeof stored === 'string') {
    const view = RollupView.parse(parsedJson(stored));
    return {
      set: ', #view = :view',
      condition: '#view = :seen',
      names,
      values: { ':view': JSON.stringify({ ...view, signatures }), ':seen': stored },
    };
  }
  if (stored !== null && typeof stored === 'object')
    return {
      set: ', #view.#sig = :s',
      condition: 'attribute_type(#view, :map)',
      names,
      values: {},
    };
  return {
    set: '',
    condition: stored === null ? 'attribute_type(#view, :null)' : 'attribute_not_exists(#view)',
    names,
    values: stored === null ? { ':null': 'NULL' } : {},
  };
}
