import { computed, signal } from '@preact/signals';
import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from '../../domain/contact';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { searchWords } from '../../domain/search-text';
import { contactWithSameKeys, contactBook, saveContactByHand } from '../../db/contact-book';
import { snapshotOf, type SnapshotReader } from '../../db/dashboard-snapshot';
import type { TallyDatabase } from '../../db/database';
import { createContactFormModel, type ContactFormModel } from './contact-form-model';
import {
  contactRows,
  filterRows,
  mainCurrency,
  sortRows,
  type ContactRow,
  type ContactSort,
  type RoleFilter,
} from './contact-list';

export const PAGE_SIZE = 50;

export interface ContactListDeps {
  db: TallyDatabase;
  defaultCountry: CountryCode;
  /** Reads contacts and purchases, shared with the dashboard's other sections; its own read when absent. */
  read?: SnapshotReader;
}

/**
 * The dashboard's contacts: every contact loaded once, then searched, filtered, sorted and paged
 * in memory — 50,000 contacts page in well under a frame. Adding one by hand reloads the list.
 */
export function createContactListModel(deps: ContactListDeps) {
  const rows = signal<ContactRow[]>([]);
  const loaded = signal(false);
  const query = signal('');
  const filter = signal<RoleFilter>('all');
  const sort = signal<ContactSort>('name');
  const page = signal(0);
  const adding = signal<ContactFormModel | null>(null);
  /** The contact just added, for the "Added …" message and its link. */
  const added = signal<Contact | null>(null);
  const error = signal<string | null>(null);

  const currency = computed(() => mainCurrency(rows.value));
  // Sorted once per load and sort choice; typing only filters the sorted rows.
  const sorted = computed(() => sortRows(rows.value, sort.value, currency.value));
  const shown = computed(() => filterRows(sorted.value, filter.value, searchWords(query.value)));
  const pageCount = computed(() => Math.max(1, Math.ceil(shown.value.length / PAGE_SIZE)));
  /** The page shown: the one asked for, or the last when a search leaves fewer. */
  const currentPage = computed(() => Math.min(page.value, pageCount.value - 1));
  const firstShown = computed(() => currentPage.value * PAGE_SIZE);
  const pageRows = computed(() => shown.value.slice(firstShown.value, firstShown.value + PAGE_SIZE));

  async function refresh() {
    try {
      const book = contactBook(await snapshotOf(deps));
      rows.value = contactRows(book.contacts, book.stats);
      loaded.value = true;
      error.value = null;
    } catch (failure) {
      error.value = t('contacts_not_read', errorMessage(failure));
    }
  }

  function search(text: string) {
    query.value = text;
    page.value = 0;
  }

  function show(next: RoleFilter) {
    filter.value = next;
    page.value = 0;
  }

  function sortBy(next: ContactSort) {
    sort.value = next;
    page.value = 0;
  }

  function goTo(next: number) {
    page.value = Math.max(0, Math.min(next, pageCount.value - 1));
  }

  function startAdd() {
    added.value = null;
    adding.value = createContactFormModel({
      save: (fields) => saveContactByHand(deps.db, undefined, fields, deps.defaultCountry),
      findSame: (fields) => contactWithSameKeys(deps.db, fields, deps.defaultCountry),
      onSaved: (contact) => {
        adding.value = null;
        added.value = contact;
        void refresh();
      },
    });
  }

  function cancelAdd() {
    adding.value = null;
  }

  return {
    rows,
    loaded,
    query,
    filter,
    sort,
    currentPage,
    currency,
    shown,
    pageRows,
    pageCount,
    firstShown,
    adding,
    added,
    error,
    refresh,
    search,
    show,
    sortBy,
    goTo,
    startAdd,
    cancelAdd,
  };
}

export type ContactListModel = ReturnType<typeof createContactListModel>;
