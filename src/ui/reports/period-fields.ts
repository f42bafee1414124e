import { computed, signal } from '@preact/signals';
import { t } from '../../domain/i18n';
import { checkPeriod, type ClosedPeriod } from '../../domain/reports/report-period';

/** The two date fields a report's period is picked with, as the user typed them. */
export interface PeriodNames {
  from: string;
  to: string;
}

/**
 * A report's `From` and `To` fields: the text in each, what is wrong with it, and the period
 * they make (null while either is wrong, so a report keeps showing its last good period's
 * figures only until the user fixes the fields).
 */
export function createPeriodFields(
  initial: ClosedPeriod,
  names: PeriodNames = { from: t('reports_from'), to: t('reports_to') },
) {
  const fromText = signal<string>(initial.from);
  const toText = signal<string>(initial.to);
  const check = computed(() => checkPeriod(fromText.value, toText.value, names));
  const period = computed(() => check.value.period);
  /** Puts the fields back on `next` (the default period moving on past midnight). */
  function reset(next: ClosedPeriod) {
    fromText.value = next.from;
    toText.value = next.to;
  }
  return { names, fromText, toText, check, period, reset };
}

export type PeriodFields = ReturnType<typeof createPeriodFields>;
