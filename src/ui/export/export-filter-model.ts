import { batch, computed, signal } from '@preact/signals';
import {
  EXPORT_EVERYTHING,
  type ExportKindFilter,
  type ExportStatusFilter,
  type PurchaseExportFilter,
} from '../../csv/purchases-export-filter';
import type { Contact } from '../../domain/contact';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { searchContacts } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';

/**
 * The export's filters: purchase dates (either end may be left open), one contact found by name
 * or email (or everyone), kind and reconciliation status.
 */
export function createExportFilterModel(deps: { db: TallyDatabase }) {
  /** Date fields as typed ("" is open-ended): a date input gives "" or YYYY-MM-DD. */
  const fromText = signal('');
  const toText = signal('');
  /**
   * A date input half typed ("03/__/2026") also gives "": without this it would read as
   * open-ended and export every date while the field shows part of one.
   */
  const fromUnfinished = signal(false);
  const toUnfinished = signal(false);
  const kind = signal<ExportKindFilter>(EXPORT_EVERYTHING.kind);
  const status = signal<ExportStatusFilter>(EXPORT_EVERYTHING.status);
  const contact = signal<Contact | null>(null);
  const query = signal('');
  const matches = signal<Contact[]>([]);
  const searchError = signal<string | null>(null);
  let latestSearch = 0;

  const fromProblem = computed(() => (fromUnfinished.value ? t('export_filter_from_unfinished') : null));
  const toProblem = computed(() => {
    if (toUnfinished.value) return t('export_filter_to_unfinished');
    return fromText.value !== '' && toText.value !== '' && fromText.value > toText.value
      ? t('export_filter_from_after_to')
      : null;
  });
  /**
   * Text typed under Contact filters nothing until a contact is chosen: exporting every contact
   * while the field shows a name would surprise.
   */
  const contactProblem = computed(() =>
    contact.value === null && query.value.trim() !== '' ? t('export_filter_contact_unchosen') : null,
  );
  /** Why the filters cannot be used as shown, or null. */
  const problem = computed(() => fromProblem.value ?? toProblem.value ?? contactProblem.value);

  const filter = computed<PurchaseExportFilter>(() => ({
    from: fromText.value === '' ? null : fromText.value,
    to: toText.value === '' ? null : toText.value,
    contactId: contact.value?.id ?? null,
    kind: kind.value,
    status: status.value,
  }));

  /** A date field's value as its input gives it, and whether the input holds part of a date. */
  function setDate(which: 'from' | 'to', value: string, unfinished: boolean) {
    batch(() => {
      (which === 'from' ? fromText : toText).value = value;
      (which === 'from' ? fromUnfinished : toUnfinished).value = value === '' && unfinished;
    });
  }

  /** Looks up contacts as the user types; a late answer to older text is dropped. */
  async function search(text: string) {
    query.value = text;
    const request = ++latestSearch;
    try {
      const found = text.trim() === '' ? [] : await searchContacts(deps.db, text);
      if (request === latestSearch) {
        matches.value = found;
        searchError.value = null;
      }
    } catch (failure) {
      if (request === latestSearch)
        searchError.value = t('export_filter_search_failed', errorMessage(failure));
    }
  }

  /** One contact, or null for everyone. */
  function chooseContact(chosen: Contact | null) {
    ++latestSearch;
    batch(() => {
      contact.value = chosen;
      query.value = '';
      matches.value = [];
    });
  }

  return {
    fromText,
    toText,
    kind,
    status,
    contact,
    query,
    matches,
    searchError,
    fromProblem,
    toProblem,
    problem,
    filter,
    setDate,
    search,
    chooseContact,
  };
}

export type ExportFilterModel = ReturnType<typeof createExportFilterModel>;
