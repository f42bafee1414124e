/**
 * Version 1: contacts, products and recorded purchases. Shipped versions are never edited: a
 * schema change is a new numbered file with its own upgrade and test.
 */
export const version = 1;

export const stores = {
  // Capture and import look contacts up by external id, then email, then phone, then name.
  contacts: 'id, *externalKeys, emailKey, phoneKey, nameKey, updatedAt',
  // The SKU is a product's identity across catalog imports.
  products: 'id, &sku, updatedAt',
  purchases: 'id, contactId, purchaseDate, createdAt, [contactId+purchaseDate]',
};
