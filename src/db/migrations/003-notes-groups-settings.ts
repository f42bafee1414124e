/**
 * Version 3: notes on a contact's timeline, group orders split among contacts (each contact's
 * record points back to its group), and the user's settings. Adds tables and one index: every
 * version-2 row stays as it was.
 */
export const version = 3;

export const stores = {
  purchases: 'id, contactId, purchaseDate, createdAt, [contactId+purchaseDate], groupId',
  purchaseGroups: 'id, createdAt',
  notes: 'id, contactId, [contactId+createdAt]',
  settings: 'key',
};
