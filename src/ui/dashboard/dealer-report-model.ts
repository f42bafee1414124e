import { batch, computed, signal } from '@preact/signals';
import { CalendarDate, todayLocal } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t, tPlural, uiLanguage } from '../../domain/i18n';
import type { TallyDatabase } from '../../db/database';
import { loadDealerReport } from '../../db/dealer-report';
import { dealerReportCsv, dealerReportFileName, dealerReportRows } from '../../csv/dealer-report';
import { formatCalendarDate } from '../../domain/calendar';

export interface DealerReportDeps {
  db: TallyDatabase;
  download(filename: string, text: string): void;
  /** Today's calendar date where the shop is; tests pin it. */
  today?: () => CalendarDate;
  /** How the day is shown ("22 Nov 2026"); the browser's when absent. */
  locale?: string;
  /** The zone "Paid at" is written in; the machine's when absent. */
  timeZone?: string;
}

/**
 * The daily dealer report: pick a day (today unless the user chose another), see how many items
 * were bought on it, and export them as CSV.
 */
export function createDealerReportModel(deps: DealerReportDeps) {
  const today = deps.today ?? todayLocal;
  /** What the `Report date` field shows; empty while the user clears it. */
  const dayText = signal(today());
  /** The day the report is for: the field's last valid date. */
  const day = signal(dayText.value);
  /** How many items were bought on `day`; null until counted. */
  const itemCount = signal<number | null>(null);
  const dayError = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  // Once the user picks a day it stays; until then the report follows the calendar past midnight.
  let chosen = false;
  // Answers to earlier days arriving late must not overwrite the count of the day shown.
  let latest = 0;

  const summary = computed(() => {
    const count = itemCount.value;
    if (count === null) return null;
    const shown = formatCalendarDate(day.value, deps.locale ?? uiLanguage());
    if (count === 0) return t('dashboard_nothing_bought_on', shown);
    return tPlural('dashboard_items_bought_on', count, shown);
  });

  async function load(forDay: CalendarDate) {
    const report = await loadDealerReport(deps.db, forDay);
    return { report, rows: dealerReportRows(report.buyBacks, report.contacts, forDay, options()) };
  }

  function options() {
    return deps.timeZone ? { timeZone: deps.timeZone } : {};
  }

  async function count() {
    const request = ++latest;
    const forDay = day.value;
    try {
      const { rows } = await load(forDay);
      if (request !== latest) return;
      batch(() => {
        itemCount.value = rows.length;
        error.value = null;
      });
    } catch (failure) {
      if (request !== latest) return;
      batch(() => {
        itemCount.value = null;
        error.value = t('dashboard_dealer_report_not_loaded', errorMessage(failure));
      });
    }
  }

  async function refresh() {
    if (!chosen) {
      batch(() => {
        day.value = today();
        dayText.value = day.value;
        dayError.value = null;
      });
    }
    await count();
  }

  /** Sets the report date from the field; an empty or impossible date is marked, not used. */
  async function chooseDay(text: string) {
    dayText.value = text;
    if (!CalendarDate.safeParse(text).success) {
      dayError.value =
        text.trim() === '' ? t('dashboard_choose_report_date') : t('dashboard_not_a_date', text);
      return;
    }
    chosen = true;
    batch(() => {
      dayError.value = null;
      if (day.value !== text) itemCount.value = null;
      day.value = text;
    });
    await count();
  }

  /** Reads the day afresh (a payout may have come in since it was counted) and downloads its CSV. */
  async function exportReport() {
    if (busy.value || dayError.value) return;
    const forDay = day.value;
    busy.value = true;
    error.value = null;
    try {
      const { report, rows } = await load(forDay);
      deps.download(
        dealerReportFileName(forDay),
        dealerReportCsv(report.buyBacks, report.contacts, forDay, options()),
      );
      ++latest;
      if (day.value === forDay) itemCount.value = rows.length;
    } catch (failure) {
      error.value = t('dashboard_dealer_report_not_exported', errorMessage(failure));
    } finally {
      busy.value = false;
    }
  }

  return { dayText, day, itemCount, summary, dayError, error, busy, refresh, chooseDay, exportReport };
}

export type DealerReportModel = ReturnType<typeof createDealerReportModel>;
