import { computed, signal } from '@preact/signals';
import type { CountryCode } from 'libphonenumber-js/min';
import type { BuyBack } from '../../domain/buyback';
import type { Contact } from '../../domain/contact';
import { spendSummary } from '../../domain/contact-stats';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { PurchaseRecord } from '../../domain/purchase';
import { buildTimeline } from '../../domain/timeline';
import { listContactBuyBacks } from '../../db/buybacks';
import { deleteContact, restoreContact, saveContactByHand } from '../../db/contact-book';
import type { TallyDatabase } from '../../db/database';
import { listContactPurchases } from '../../db/purchases';
import { createStoreCreditModel } from '../sidebar/store-credit-model';
import { createContactFormModel, type ContactFormModel } from './contact-form-model';

export interface ContactScreenDeps {
  db: TallyDatabase;
  defaultCountry: CountryCode;
}

/**
 * One contact on the dashboard: its details (editable), its figures, and its sales history —
 * purchases, samples, buy-backs and store credit.
 */
export function createContactScreenModel(deps: ContactScreenDeps, id: string) {
  const contact = signal<Contact | null>(null);
  /** The contact this one was merged into, when it was; null otherwise. */
  const mergedInto = signal<Contact | null>(null);
  const missing = signal(false);
  const records = signal<PurchaseRecord[]>([]);
  const buyBacks = signal<BuyBack[]>([]);
  const credit = createStoreCreditModel({ db: deps.db });
  const stats = computed(() => spendSummary(records.value));
  /** Purchases, samples and buy-backs, newest first. */
  const history = computed(() => buildTimeline(records.value, [], [], buyBacks.value));
  const editing = signal<ContactFormModel | null>(null);
  /** The contact just deleted here, for "Deleted …" and its Undo. */
  const deleted = signal<Contact | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);

  async function load() {
    try {
      const found = await deps.db.contacts.get(id);
      if (!found || found.deletedAt !== undefined) {
        missing.value = true;
        contact.value = null;
        mergedInto.value = found?.mergedInto
          ? ((await deps.db.contacts.get(found.mergedInto)) ?? null)
          : null;
        return;
      }
      missing.value = false;
      const [ownRecords, ownBuyBacks] = await Promise.all([
        listContactPurchases(deps.db, id),
        listContactBuyBacks(deps.db, id),
      ]);
      contact.value = found;
      records.value = ownRecords;
      buyBacks.value = ownBuyBacks;
      await credit.show(found);
      error.value = null;
    } catch (failure) {
      error.value = t('contacts_contact_not_read', errorMessage(failure));
    }
  }

  function startEdit() {
    const shown = contact.value;
    if (!shown) return;
    status.value = null;
    editing.value = createContactFormModel({
      contact: shown,
      save: (fields) => saveContactByHand(deps.db, shown.id, fields, deps.defaultCountry),
      onSaved: (saved) => {
        editing.value = null;
        contact.value = saved;
        status.value = t('contacts_saved', saved.name);
      },
    });
  }

  function cancelEdit() {
    editing.value = null;
  }

  /** Deletes the contact when it has no records; a refusal says what it has. */
  async function remove() {
    const shown = contact.value;
    if (!shown) return;
    status.value = null;
    try {
      deleted.value = await deleteContact(deps.db, shown.id);
      error.value = null;
    } catch (failure) {
      error.value = t('contacts_not_deleted', shown.name, errorMessage(failure));
    }
  }

  async function undoRemove() {
    const gone = deleted.value;
    if (!gone) return;
    try {
      await restoreContact(deps.db, gone.id);
      deleted.value = null;
      await load();
      status.value = t('contacts_is_back', gone.name);
    } catch (failure) {
      error.value = t('contacts_not_brought_back', gone.name, errorMessage(failure));
    }
  }

  return {
    id,
    contact,
    mergedInto,
    missing,
    records,
    buyBacks,
    credit,
    stats,
    history,
    editing,
    deleted,
    status,
    error,
    load,
    startEdit,
    cancelEdit,
    remove,
    undoRemove,
  };
}

export type ContactScreenModel = ReturnType<typeof createContactScreenModel>;
