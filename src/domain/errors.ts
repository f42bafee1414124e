import { t } from './i18n';

/**
 * What a caught failure says, for a message the user reads: thrown values need not be Errors. A
 * full disk says what to do about it, whichever layer wrapped the browser's error.
 */
export function errorMessage(failure: unknown): string {
  if (isQuotaError(failure)) return t('storage_full');
  return failure instanceof Error ? failure.message : String(failure);
}

/**
 * Whether the browser refused a write because Tally's storage is full. IndexedDB says so with a
 * QuotaExceededError DOMException; Dexie wraps it (Dexie.QuotaExceededError keeps the name), an
 * aborted transaction reports an AbortError whose `inner` is the quota error, and a bulk write a
 * BulkError listing each row's failure.
 */
export function isQuotaError(failure: unknown, depth = 0): boolean {
  if (typeof failure !== 'object' || failure === null || depth > 4) return false;
  const { name, inner, cause, failures } = failure as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (name === 'QuotaExceededError') return true;
  const nested = [inner, cause, ...(failures && typeof failures === 'object' ? Object.values(failures) : [])];
  return nested.some((each) => isQuotaError(each, depth + 1));
}
