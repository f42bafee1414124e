import { batch, type Signal } from '@preact/signals';
import { errorMessage } from '../domain/errors';
import { t, type MessageKey } from '../domain/i18n';

/** What a failed action says, given what went wrong; `null` says only what went wrong. */
export type FailureText = ((reason: string) => string) | null;

/**
 * A failure said as one message whose last substitution is what went wrong
 * ("$1 was not imported: $2"), so each language places the reason where it reads well.
 */
export function failedWith(key: MessageKey, ...substitutions: string[]): (reason: string) => string {
  return (reason) => t(key, ...substitutions, reason);
}

/**
 * How a model runs what the user asked for: `busy` meanwhile, the last error cleared first, and a
 * failure shown through `failure` (see failedWith), never thrown. Resolves to whether it worked.
 */
export function userAction(state: { busy: Signal<boolean>; error: Signal<string | null> }) {
  return async function act(failure: FailureText, action: () => Promise<void>): Promise<boolean> {
    batch(() => {
      state.busy.value = true;
      state.error.value = null;
    });
    try {
      await action();
      return true;
    } catch (thrown) {
      const reason = errorMessage(thrown);
      state.error.value = failure ? failure(reason) : reason;
      return false;
    } finally {
      state.busy.value = false;
    }
  };
}
