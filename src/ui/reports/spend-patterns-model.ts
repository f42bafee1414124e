import { batch, computed, signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { todayLocal, type CalendarDate } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t, uiLanguage } from '../../domain/i18n';
import type { CurrencyCode } from '../../domain/money';
import type { PurchaseRecord } from '../../domain/purchase';
import { lastTwelveMonths } from '../../domain/reports/report-period';
import { currenciesSpent, monthlySpend } from '../../domain/reports/spend-patterns';
import { searchContacts } from '../../db/contacts';
import type { SnapshotReader } from '../../db/dashboard-snapshot';
import type { TallyDatabase } from '../../db/database';
import { createPeriodFields } from './period-fields';
import { loadReportData } from './report-data';

export interface SpendPatternsDeps {
  db: TallyDatabase;
  /** The dashboard's shared read of contacts and purchases; a read of its own when absent. */
  read?: SnapshotReader;
  /** How amounts and months are shown; the browser's when absent. */
  locale?: string;
  /** Today's calendar date where the user is; tests pin it. */
  today?: () => CalendarDate;
}

/**
 * Spend month by month over a period, for everyone or for one contact the user searches for, in
 * one currency at a time (the shop's unless the user picks another that was spent in the period).
 */
export function createSpendPatternsModel(deps: SpendPatternsDeps) {
  const today = deps.today ?? todayLocal;
  const fields = createPeriodFields(lastTwelveMonths(today()));
  const records = signal<readonly PurchaseRecord[]>([]);
  const shopCurrency = signal<CurrencyCode>('USD');
  /** The currency the user picked; null follows the shop's. */
  const pickedCurrency = signal<CurrencyCode | null>(null);
  const contact = signal<Contact | null>(null);
  const query = signal('');
  const matches = signal<Contact[]>([]);
  const showTable = signal(false);
  const loaded = signal(false);
  const error = signal<string | null>(null);
  let chosen = false;
  let latestSearch = 0;

  const scoped = computed(() => {
    const only = contact.value?.id;
    return only === undefined ? records.value : records.value.filter((record) => record.contactId === only);
  });
  /** The shop's currency, then every other currency spent in the period. */
  const currencies = computed(() => {
    const period = fields.period.value;
    const spent = period ? currenciesSpent(scoped.value, period) : [];
    return [shopCurrency.value, ...spent.filter((code) => code !== shopCurrency.value)];
  });
  const currency = computed(() => {
    const picked = pickedCurrency.value;
    return picked !== null && currencies.value.includes(picked) ? picked : shopCurrency.value;
  });
  const months = computed(() => {
    const period = fields.period.value;
    return period ? monthlySpend(scoped.value, period, currency.value) : [];
  });

  async function refresh() {
    try {
      const data = await loadReportData(deps.db, deps.read);
      // A chosen contact deleted or merged away since is no longer offered.
      const still = contact.value ? data.contacts.get(contact.value.id) : undefined;
      batch(() => {
        if (!chosen) fields.reset(lastTwelveMonths(today()));
        records.value = data.records;
        shopCurrency.value = data.currency;
        if (contact.value && (!still || still.deletedAt !== undefined)) contact.value = null;
        else if (still) contact.value = still;
        loaded.value = true;
        error.value = null;
      });
    } catch (failure) {
      error.value = t('reports_spend_patterns_not_loaded', errorMessage(failure));
    }
  }

  function periodChanged() {
    chosen = true;
  }

  /** Looks up contacts by name or email as the user types; late answers to old text are dropped. */
  async function search(text: string) {
    query.value = text;
    const request = ++latestSearch;
    try {
      const found = text.trim() === '' ? [] : await searchContacts(deps.db, text);
      if (request === latestSearch) matches.value = found;
    } catch (failure) {
      if (request === latestSearch) error.value = t('reports_contacts_not_searched', errorMessage(failure));
    }
  }

  function chooseContact(chosenContact: Contact | null) {
    ++latestSearch;
    batch(() => {
      contact.value = chosenContact;
      query.value = '';
      matches.value = [];
    });
  }

  function chooseCurrency(code: CurrencyCode) {
    pickedCurrency.value = code;
  }

  function toggleTable() {
    showTable.value = !showTable.value;
  }

  return {
    locale: deps.locale ?? uiLanguage(),
    fields,
    contact,
    query,
    matches,
    currencies,
    currency,
    months,
    showTable,
    loaded,
    error,
    refresh,
    periodChanged,
    search,
    chooseContact,
    chooseCurrency,
    toggleTable,
  };
}

export type SpendPatternsModel = ReturnType<typeof createSpendPatternsModel>;
