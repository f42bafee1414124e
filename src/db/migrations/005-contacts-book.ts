import type { Transaction } from 'dexie';
import type { Contact } from '../../domain/contact';
import { contactSearchWords } from '../../domain/contact-keys';

/**
 * Version 5: the contacts book. Applied contacts imports (to undo one as a whole), contact merges
 * (to undo one), and purchase orders to suppliers. Contacts gain optional fields only (address,
 * tags, notes, mergedInto) and their search words, which the upgrade fills in.
 */
export const version = 5;

// Only the indexes something queries: the newest import or merge, an import by its file, a
// supplier's orders and the last order number. Contacts are found as the user types by the
// words of their name and email, instead of reading every contact for each keystroke.
export const stores = {
  contacts: 'id, *externalKeys, emailKey, phoneKey, nameKey, updatedAt, *searchWords',
  contactImports: 'id, createdAt, fileHash',
  contactMerges: 'id, createdAt',
  purchaseOrders: 'id, supplierId, number',
};

/** Gives every stored contact its search words. */
export async function upgrade(transaction: Transaction): Promise<void> {
  await transaction
    .table<Contact>('contacts')
    .toCollection()
    .modify((contact) => {
      contact.searchWords = contactSearchWords(contact);
    });
}
