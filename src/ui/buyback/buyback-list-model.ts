import { signal } from '@preact/signals';
import type { BuyBack } from '../../domain/buyback';
import type { Contact } from '../../domain/contact';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { createBuyBack, listBuyBacks } from '../../db/buybacks';
import { getContactsById, searchContacts } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import { createBuyBackStart } from './buyback-start';

export interface BuyBackListDeps {
  db: TallyDatabase;
  /** Opens a buy-back's own screen. */
  open: (id: string) => void;
}

/** The dashboard's buy-backs: every one with its seller and status, and `New buy-back`. */
export function createBuyBackListModel(deps: BuyBackListDeps) {
  const buyBacks = signal<BuyBack[]>([]);
  const sellers = signal<ReadonlyMap<string, Contact>>(new Map());
  /** The contact search `New buy-back` opens; null while closed. */
  const picking = signal<string | null>(null);
  const matches = signal<Contact[]>([]);
  const error = signal<string | null>(null);
  const start = createBuyBackStart();

  async function refresh() {
    try {
      const all = await listBuyBacks(deps.db);
      const contacts = await getContactsById(deps.db, [...new Set(all.map((buyBack) => buyBack.contactId))]);
      buyBacks.value = all;
      sellers.value = contacts;
    } catch (failure) {
      error.value = t('buyback_list_not_loaded', errorMessage(failure));
    }
  }

  async function search(query: string) {
    picking.value = query;
    matches.value = await searchContacts(deps.db, query);
  }

  /** `Buy from …`: an estimate for that seller, opened. Pressed again before it opens, the same one. */
  function startFor(contactId: string): Promise<void> {
    return start.run(async (idFor) => {
      error.value = null;
      try {
        const buyBack = await createBuyBack(deps.db, contactId, idFor(contactId));
        picking.value = null;
        deps.open(buyBack.id);
        return true;
      } catch (failure) {
        error.value = errorMessage(failure);
        return false;
      }
    });
  }

  return {
    buyBacks,
    sellers,
    picking,
    matches,
    error,
    refresh,
    search,
    startFor,
    /** A start under way: the `Buy from …` buttons ignore clicks until its buy-back opens. */
    starting: start.pending,
    startPicking: () => (picking.value = ''),
    stopPicking: () => (picking.value = null),
  };
}

export type BuyBackListModel = ReturnType<typeof createBuyBackListModel>;
