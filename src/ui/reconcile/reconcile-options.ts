import { signal } from '@preact/signals';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from '../../domain/reconcile';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';

export interface ReconcileOptionsDeps {
  load: () => Promise<ReconcileOptions>;
  /** Stores the options; throws with the setting's own words ("at most 30 days") when not allowed. */
  save: (options: ReconcileOptions) => Promise<void>;
}

/** 0.05 → "5": the tolerance is a fraction in the setting and a percentage on screen. */
function percentText(fraction: number): string {
  return String(Math.round(fraction * 10_000) / 100);
}

/**
 * `Date window (days)` and `Price tolerance (%)`: saved as the user changes them, and what the
 * next reconcile runs with. A value the setting refuses stays in its field with the reason,
 * and the last saved options stay in force.
 */
export function createReconcileOptionsModel(deps: ReconcileOptionsDeps) {
  const options = signal<ReconcileOptions>(DEFAULT_RECONCILE_OPTIONS);
  const dateWindowText = signal(String(DEFAULT_RECONCILE_OPTIONS.dateWindowDays));
  const priceToleranceText = signal(percentText(DEFAULT_RECONCILE_OPTIONS.priceTolerance));
  const dateWindowProblem = signal<string | null>(null);
  const priceToleranceProblem = signal<string | null>(null);

  async function refresh() {
    const loaded = await deps.load();
    options.value = loaded;
    dateWindowText.value = String(loaded.dateWindowDays);
    priceToleranceText.value = percentText(loaded.priceTolerance);
    dateWindowProblem.value = null;
    priceToleranceProblem.value = null;
  }

  /** Saves `next`; resolves to the reason it was refused, or null. */
  async function save(next: ReconcileOptions): Promise<string | null> {
    try {
      await deps.save(next);
      options.value = next;
      return null;
    } catch (failure) {
      return errorMessage(failure);
    }
  }

  async function setDateWindow(text: string) {
    dateWindowText.value = text;
    const days = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(days)) {
      dateWindowProblem.value = t('reconcile_options_days_needed');
      return;
    }
    dateWindowProblem.value = await save({ ...options.value, dateWindowDays: days });
  }

  async function setPriceTolerance(text: string) {
    priceToleranceText.value = text;
    const percent = Number(text.trim().replace(/%$/, ''));
    if (text.trim() === '' || !Number.isFinite(percent)) {
      priceToleranceProblem.value = t('reconcile_options_percentage_needed');
      return;
    }
    const priceTolerance = Math.round(percent * 100) / 10_000;
    priceToleranceProblem.value = await save({ ...options.value, priceTolerance });
  }

  return {
    options,
    dateWindowText,
    priceToleranceText,
    dateWindowProblem,
    priceToleranceProblem,
    refresh,
    setDateWindow,
    setPriceTolerance,
  };
}

export type ReconcileOptionsModel = ReturnType<typeof createReconcileOptionsModel>;
