import { batch, type Signal } from '@preact/signals';
import { errorMessage } from '../domain/errors';

/**
 * How a model runs what the user asked for: `busy` meanwhile, the last error cleared first, and a
 * failure shown as `failurePrefix` + what went wrong, never thrown. Resolves to whether it worked.
 */
export function userAction(state: { busy: Signal<boolean>; error: Signal<string | null> }) {
  return async function act(failurePrefix: string, action: () => Promise<void>): Promise<boolean> {
    batch(() => {
      state.busy.value = true;
      state.error.value = null;
    });
    try {
      await action();
      return true;
    } catch (failure) {
      state.error.value = `${failurePrefix}${errorMessage(failure)}`;
      return false;
    } finally {
      state.busy.value = false;
    }
  };
}
