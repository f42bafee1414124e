import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseRecipe } from '../../../src/adapters/taught';
import { TallyDatabase } from '../../../src/db/database';
import * as v1 from '../../../src/db/migrations/001-initial';
import * as v2 from '../../../src/db/migrations/002-capture-history-recipes-sites';
import * as v3 from '../../../src/db/migrations/003-notes-groups-settings';
import * as v4 from '../../../src/db/migrations/004-buy-backs';
import * as v5 from '../../../src/db/migrations/005-contacts-book';
import * as v6 from '../../../src/db/migrations/006-reconcile';
import { AttachmentMeta } from '../../../src/domain/attachment';
import { BuyBack } from '../../../src/domain/buyback';
import { Contact } from '../../../src/domain/contact';
import { ContactEvent } from '../../../src/domain/contact-event';
import { ContactImportBatch } from '../../../src/domain/contact-import-batch';
import { ContactMerge } from '../../../src/domain/contact-merge';
import { DoNotBuyEntry } from '../../../src/domain/do-not-buy';
import { InventoryItem } from '../../../src/domain/inventory';
import { ContactNote } from '../../../src/domain/note';
import { Product } from '../../../src/domain/product';
import { PurchaseRecord } from '../../../src/domain/purchase';
import { PurchaseGroup } from '../../../src/domain/purchase-group';
import { PurchaseOrder } from '../../../src/domain/purchase-order';
import { SETTINGS, type SettingKey } from '../../../src/domain/settings';
import { isSiteMode } from '../../../src/domain/site-setting';
import { StoreCreditEntry } from '../../../src/domain/store-credit';
import { seedShopProfile } from '../../support/seeded-profile';

/** Every shipped version, oldest first: the test below seeds each one but the newest. */
const STEPS = [v1, v2, v3, v4, v5, v6];
const CURRENT = STEPS.at(-1)?.version ?? 0;

type Row = Record<string, unknown>;

/** Today's check that a stored row is one Tally can read: each table's domain schema. */
const TODAY: Record<string, (row: Row) => unknown> = {
  contacts: (row) => Contact.parse(row),
  products: (row) => Product.parse(row),
  purchases: (row) => PurchaseRecord.parse(row),
  contactEvents: (row) => ContactEvent.parse(row),
  recipes: (row) => parseRecipe(row),
  siteSettings: (row) => {
    if (!isSiteMode(row.mode) || typeof row.origin !== 'string') throw new Error('not a site setting');
    return row;
  },
  purchaseGroups: (row) => PurchaseGroup.parse(row),
  notes: (row) => ContactNote.parse(row),
  settings: (row) => {
    const setting = SETTINGS[row.key as SettingKey] as { schema: z.ZodType } | undefined;
    if (!setting) throw new Error(`unknown setting ${String(row.key)}`);
    return { key: row.key, value: setting.schema.parse(row.value) };
  },
  buyBacks: (row) => BuyBack.parse(row),
  attachments: (row) => {
    const { blob, ...meta } = row;
    if (!(blob instanceof Blob)) throw new Error('an attachment without its bytes');
    return { ...AttachmentMeta.parse(meta), blob };
  },
  inventoryItems: (row) => InventoryItem.parse(row),
  storeCredit: (row) => StoreCreditEntry.parse(row),
  doNotBuy: (row) => DoNotBuyEntry.parse(row),
  contactImports: (row) => ContactImportBatch.parse(row),
  contactMerges: (row) => ContactMerge.parse(row),
  purchaseOrders: (row) => PurchaseOrder.parse(row),
};

/** The tables a version has: those its step and every earlier one declared. */
function tablesAt(version: number): string[] {
  return [
    ...new Set(STEPS.filter((step) => step.version <= version).flatMap((step) => Object.keys(step.stores))),
  ];
}

/** Attachments compared by their bytes: a Blob is not equal to its copy otherwise. */
async function comparable(table: string, rows: Row[]): Promise<unknown[]> {
  const sorted = [...rows].sort((a, b) =>
    String(a.id ?? a.key ?? a.origin).localeCompare(String(b.id ?? b.key ?? b.origin)),
  );
  if (table !== 'attachments') return sorted;
  return Promise.all(
    sorted.map(async ({ blob, ...meta }) => ({
      ...meta,
      type: (blob as Blob).type,
      bytes: [...new Uint8Array(await (blob as Blob).arrayBuffer())],
    })),
  );
}

/** Today's profile, written by today's repositories, table by table. */
async function todaysProfile(): Promise<Map<string, Row[]>> {
  const scratch = new TallyDatabase(`profile-${crypto.randomUUID()}`);
  try {
    await seedShopProfile(scratch);
    const tables = new Map<string, Row[]>();
    for (const table of scratch.tables) tables.set(table.name, (await table.toArray()) as Row[]);
    return tables;
  } finally {
    await scratch.delete();
  }
}

/**
 * The rows as version `version` stored them: only its tables, and contacts without the search
 * words version 5 added (its upgrade fills them in).
 */
function asStoredAt(version: number, table: string, rows: Row[]): Row[] {
  if (table !== 'contacts' || version >= v5.version) return rows;
  return rows.map(({ searchWords: _words, ...contact }) => contact);
}

describe('upgrading from every earlier version', () => {
  it('the seeded profile fills every table an earlier version has (a new table needs seeding too)', async () => {
    const profile = await todaysProfile();
    for (const table of tablesAt(CURRENT - 1)) {
      expect(profile.get(table)?.length ?? 0, table).toBeGreaterThan(0);
      expect(TODAY[table], `${table} has no schema check here`).toBeDefined();
    }
    expect(profile.get('attachments')?.length).toBe(2);
    expect(profile.get('contacts')?.some((row) => (row.externalKeys as string[]).length > 0)).toBe(true);
  });

  for (const from of STEPS.slice(0, -1)) {
    it(`keeps every row stored at version ${from.version} when Tally opens it at version ${CURRENT}`, async () => {
      const profile = await todaysProfile();
      const name = `upgrade-from-${from.version}-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      for (const step of STEPS.filter((each) => each.version <= from.version)) {
        old.version(step.version).stores(step.stores);
      }
      await old.open();
      const seeded = tablesAt(from.version);
      for (const table of seeded) {
        await old.table(table).bulkAdd(asStoredAt(from.version, table, profile.get(table) ?? []));
      }
      old.close();

      const upgraded = new TallyDatabase(name);
      try {
        await upgraded.open();
        expect(upgraded.verno).toBe(CURRENT);
        for (const table of seeded) {
          const rows = (await upgraded.table(table).toArray()) as Row[];
          const check = TODAY[table];
          for (const row of rows) expect(() => check?.(row), `${table} ${JSON.stringify(row)}`).not.toThrow();
          // Nothing lost, nothing changed, and what an upgrade fills in (contacts' search words)
          // is exactly what today's code writes.
          expect(await comparable(table, rows), table).toEqual(
            await comparable(table, profile.get(table) ?? []),
          );
        }
        // The indexes later versions added answer for the old rows too.
        const contacts = (profile.get('contacts') ?? []) as unknown as Contact[];
        for (const contact of contacts) {
          const [externalKey = '', word = ''] = [contact.externalKeys[0], contact.searchWords?.[0]];
          const sharing = (key: 'externalKeys' | 'searchWords', value: string) =>
            contacts.filter((each) => each[key]?.includes(value)).map((each) => each.id);
          expect(await upgraded.contacts.where('externalKeys').equals(externalKey).primaryKeys()).toEqual(
            expect.arrayContaining(sharing('externalKeys', externalKey)),
          );
          expect(await upgraded.contacts.where('searchWords').equals(word).primaryKeys()).toEqual(
            expect.arrayContaining(sharing('searchWords', word)),
          );
        }
        for (const table of tablesAt(CURRENT).filter((each) => !seeded.includes(each))) {
          expect(await upgraded.table(table).count(), table).toBe(0);
        }
      } finally {
        await upgraded.delete();
      }
    });
  }
});
