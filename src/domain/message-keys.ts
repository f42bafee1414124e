// The message keys, typed from the English catalogs (locales/en/<area>.json). Each area's keys
// start with its file name and an underscore, so areas never collide (Chrome's keys ignore case).
import type adapters from '../../locales/en/adapters.json';
import type backup from '../../locales/en/backup.json';
import type buyback from '../../locales/en/buyback.json';
import type catalog from '../../locales/en/catalog.json';
import type common from '../../locales/en/common.json';
import type contacts from '../../locales/en/contacts.json';
import type content from '../../locales/en/content.json';
import type csv from '../../locales/en/csv.json';
import type dashboard from '../../locales/en/dashboard.json';
import type db from '../../locales/en/db.json';
import type domain from '../../locales/en/domain.json';
import type embed from '../../locales/en/embed.json';
import type exportArea from '../../locales/en/export.json';
import type manifest from '../../locales/en/manifest.json';
import type messaging from '../../locales/en/messaging.json';
import type pdf from '../../locales/en/pdf.json';
import type popup from '../../locales/en/popup.json';
import type purchaseOrder from '../../locales/en/purchase_order.json';
import type receipt from '../../locales/en/receipt.json';
import type reconcile from '../../locales/en/reconcile.json';
import type record from '../../locales/en/record.json';
import type reports from '../../locales/en/reports.json';
import type security from '../../locales/en/security.json';
import type sidebar from '../../locales/en/sidebar.json';
import type storage from '../../locales/en/storage.json';
import type teach from '../../locales/en/teach.json';

type Catalog = typeof adapters &
  typeof backup &
  typeof buyback &
  typeof catalog &
  typeof common &
  typeof contacts &
  typeof content &
  typeof csv &
  typeof dashboard &
  typeof db &
  typeof domain &
  typeof embed &
  typeof exportArea &
  typeof manifest &
  typeof messaging &
  typeof pdf &
  typeof popup &
  typeof purchaseOrder &
  typeof receipt &
  typeof reconcile &
  typeof record &
  typeof reports &
  typeof security &
  typeof sidebar &
  typeof storage &
  typeof teach;

export type MessageKey = Extract<keyof Catalog, string>;

/** A key with plural forms: `<base>_one` and `<base>_other` exist. */
export type PluralKey = PluralBase<MessageKey>;

// Distributes over each key: a type parameter does, a type inferred with `infer` does not
// (that form gave `never` for every key).
type PluralBase<Key extends string> = Key extends `${infer Base}_other`
  ? `${Base}_one` extends MessageKey
    ? Base
    : never
  : never;
