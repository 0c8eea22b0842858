import { DeskRefused } from '../../shared/desk/desk-staff.js';

type Refusal = abstract new (...args: never[]) => Error;

/**
 * The answer to a desk form's post: the action's own, or, when the desk refuses what was sent (the
 * person's input, the reason in Vietnamese), `refused` with that error (the page again, 422). Any
 * other error is the server's and is thrown on.
 */
export async function deskAnswer<T, E extends Error = DeskRefused>(
  action: () => Promise<T>,
  refused: (e: E) => T | Promise<T>,
  refusals: readonly Refusal[] = [DeskRefused],
): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (!refusals.some((kind) => e instanceof kind)) throw e;
    return refused(e as E);
  }
}
