import { computed, signal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { creditBalances, type StoreCreditEntry } from '../../domain/store-credit';
import type { TallyDatabase } from '../../db/database';
import { listContactCredit } from '../../db/store-credit';

/** One contact's store credit: the balance per currency and the ledger behind it, newest first. */
export function createStoreCreditModel(deps: { db: TallyDatabase }) {
  const entries = signal<StoreCreditEntry[]>([]);
  const balances = computed(() => creditBalances(entries.value));
  const ledgerOpen = signal(false);
  const error = signal<string | null>(null);
  let shownId: string | null = null;
  let generation = 0;

  /** Reads `contact`'s ledger (none: nothing shown); a slower earlier read never wins. */
  async function show(contact: Contact | null) {
    const mine = ++generation;
    if ((contact?.id ?? null) !== shownId) {
      ledgerOpen.value = false;
      entries.value = [];
    }
    shownId = contact?.id ?? null;
    try {
      const next = contact ? await listContactCredit(deps.db, contact.id) : [];
      if (mine !== generation) return;
      entries.value = next;
      error.value = null;
    } catch (failure) {
      if (mine === generation) error.value = t('sidebar_store_credit_unreadable', errorMessage(failure));
    }
  }

  return {
    entries,
    balances,
    ledgerOpen,
    error,
    show,
    toggleLedger: () => (ledgerOpen.value = !ledgerOpen.value),
  };
}

export type StoreCreditModel = ReturnType<typeof createStoreCreditModel>;
