/**
 * Version 5: the contacts book. Applied contacts imports (to undo one as a whole), contact merges
 * (to undo one), and purchase orders to suppliers. Contacts gain optional fields only (address,
 * tags, notes, mergedInto), so every version-4 row stays valid as it is.
 */
export const version = 5;

// Only the indexes something queries: the newest import or merge, an import by its file, a
// supplier's orders and the last order number.
export const stores = {
  contactImports: 'id, createdAt, fileHash',
  contactMerges: 'id, createdAt',
  purchaseOrders: 'id, supplierId, number',
};
