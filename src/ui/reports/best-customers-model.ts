import { batch, computed, signal } from '@preact/signals';
import { bestCustomersCsv, bestCustomersFileName } from '../../csv/reports-export';
import type { Contact } from '../../domain/contact';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t, tPlural, uiLanguage } from '../../domain/i18n';
import type { CurrencyCode } from '../../domain/money';
import type { PurchaseRecord } from '../../domain/purchase';
import { rankBestCustomers, type RankBy } from '../../domain/reports/best-customers';
import { lastTwelveMonths } from '../../domain/reports/report-period';
import type { SnapshotReader } from '../../db/dashboard-snapshot';
import type { TallyDatabase } from '../../db/database';
import { failedWith, userAction } from '../user-action';
import { createPeriodFields } from './period-fields';
import { loadReportData } from './report-data';

/** How many customers the table shows at first, and how many more each `Show more` adds. */
export const PAGE_SIZE = 20;

export interface BestCustomersDeps {
  db: TallyDatabase;
  /** The dashboard's shared read of contacts and purchases; a read of its own when absent. */
  read?: SnapshotReader;
  /** How amounts and dates are shown; the browser's when absent. */
  locale?: string;
  download(filename: string, text: string): void;
  /** Today's calendar date where the user is; tests pin it. */
  today?: () => CalendarDate;
}

/**
 * The best customers report: a period (the last 12 months until the user picks one), what to rank
 * by, the ranking as the fields change, `Show more`, and the whole ranking as CSV.
 */
export function createBestCustomersModel(deps: BestCustomersDeps) {
  const today = deps.today ?? todayLocal;
  const fields = createPeriodFields(lastTwelveMonths(today()));
  const rankBy = signal<RankBy>('spend');
  const records = signal<readonly PurchaseRecord[]>([]);
  const contacts = signal<ReadonlyMap<string, Contact>>(new Map());
  const currency = signal<CurrencyCode>('USD');
  const loaded = signal(false);
  const shown = signal(PAGE_SIZE);
  const error = signal<string | null>(null);
  const status = signal<string | null>(null);
  const busy = signal(false);
  // Until the user picks a period it follows the calendar, past midnight and month ends.
  let chosen = false;

  const rows = computed(() => {
    const period = fields.period.value;
    if (!period) return [];
    return rankBestCustomers(records.value, contacts.value, {
      period,
      currency: currency.value,
      rankBy: rankBy.value,
    });
  });
  const visibleRows = computed(() => rows.value.slice(0, shown.value));
  const otherCurrencies = computed(() => [
    ...new Set(
      rows.value.flatMap((row) =>
        row.byCurrency.flatMap((figures) => (figures.currency === currency.value ? [] : [figures.currency])),
      ),
    ),
  ]);

  async function refresh() {
    try {
      const data = await loadReportData(deps.db, deps.read);
      batch(() => {
        if (!chosen) fields.reset(lastTwelveMonths(today()));
        records.value = data.records;
        contacts.value = data.contacts;
        currency.value = data.currency;
        loaded.value = true;
        error.value = null;
      });
    } catch (failure) {
      error.value = t('reports_best_customers_not_loaded', errorMessage(failure));
    }
  }

  /** A new ranking starts again at the top. */
  function restart() {
    batch(() => {
      shown.value = PAGE_SIZE;
      status.value = null;
    });
  }

  /** The user changed the period: it stays as they chose it from now on. */
  function changed() {
    chosen = true;
    restart();
  }

  function chooseRankBy(value: RankBy) {
    rankBy.value = value;
    restart();
  }

  function showMore() {
    shown.value += PAGE_SIZE;
  }

  const act = userAction({ busy, error });
  /** Reads the purchases afresh (the sidebar may have recorded one since) and downloads them all. */
  async function exportCsv() {
    const period = fields.period.value;
    if (busy.value) return;
    if (!period) {
      error.value = t('reports_fix_period_first', fields.names.from, fields.names.to);
      return;
    }
    await act(failedWith('reports_best_customers_not_exported'), async () => {
      await refresh();
      if (error.value) return;
      const ranking = rows.value;
      deps.download(bestCustomersFileName(period), bestCustomersCsv(ranking));
      status.value = tPlural('reports_customers_exported', ranking.length);
    });
  }

  return {
    locale: deps.locale ?? uiLanguage(),
    fields,
    rankBy,
    currency,
    loaded,
    rows,
    visibleRows,
    otherCurrencies,
    error,
    status,
    busy,
    refresh,
    changed,
    chooseRankBy,
    showMore,
    exportCsv,
  };
}

export type BestCustomersModel = ReturnType<typeof createBestCustomersModel>;
