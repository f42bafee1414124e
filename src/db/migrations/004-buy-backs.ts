/**
 * Version 4: buy-backs (with their items, log and payout inside the record), the files attached
 * to them (Blobs, kept apart so listing buy-backs never loads photos), the serialized inventory
 * bought items go to, the store-credit ledger, and the do-not-buy list. Adds tables only: every
 * version-3 row stays as it was.
 */
export const version = 4;

export const stores = {
  buyBacks: 'id, contactId, number, status, createdAt, payout.paidOn',
  attachments: 'id, buyBackId',
  inventoryItems: 'id, serialKey, productId, buyBackId, status',
  storeCredit: 'id, contactId, [contactId+createdAt]',
  doNotBuy: 'id, &serialKey',
};
