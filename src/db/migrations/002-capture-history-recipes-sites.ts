/**
 * Version 2: each contact's capture history, the recipes users teach for back offices Tally
 * does not know, and per-site settings ("never capture", "off"). Adds tables only: every
 * version-1 row stays as it was.
 */
export const version = 2;

export const stores = {
  contactEvents: 'id, contactId, [contactId+at]',
  // Content scripts ask for the recipes of their own origin only.
  recipes: 'id, origin, updatedAt',
  siteSettings: 'origin',
};
