import type { Contact } from '../../src/domain/contact';
import { contactSearchWords, nameKey } from '../../src/domain/contact-keys';
import type { PurchaseRecord } from '../../src/domain/purchase';
import type { ContactInput, RecordedOrderInput } from '../../src/reconcile/types';
import { northwindOrdersCsv } from '../support/reconcile-store';
import { generateScenario, type ScenarioOptions } from '../support/reconcile-scenario';

/**
 * The reconcile bench's data: the engine's generated scenario (reconcile-scenario.ts) as Tally
 * stores it — its contacts and recorded orders as database rows — and its export as a Northwind
 * orders CSV of any number of rows. The recorded side is the same whatever the export's size
 * (same seed, and the scenario draws the orders Tally never saw last). Bundled into the page.
 *
 * A Northwind export carries the customer's id and email, and the SKU: the scenario's customers
 * named only by name and products named without SKU have no column here, so they are left out.
 */
export interface ReconcileBenchData {
  contacts: Contact[];
  purchases: PurchaseRecord[];
  recordedLines: number;
  exportCsv(rows: number): string;
}

const CREATED_AT = '2026-01-01T09:00:00.000Z';

export function reconcileBenchData(recordedOrders: number, contacts: number): ReconcileBenchData {
  const options: ScenarioOptions = {
    seed: 20_261_122,
    contacts,
    recordedOrders,
    noise: { customerByName: 0, nameOnlyProduct: 0 },
  };
  const scenario = generateScenario(options);
  return {
    contacts: scenario.contacts.map(storedContact),
    purchases: scenario.recorded.map(storedPurchase),
    recordedLines: scenario.recorded.reduce((sum, order) => sum + order.lines.length, 0),
    exportCsv: (rows) => northwindOrdersCsv(generateScenario({ ...options, exportRows: rows }).exportOrders),
  };
}

/** A contact row with the very keys the scenario matches by. */
export function storedContact(input: ContactInput): Contact {
  return {
    id: input.contactId,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    name: input.name,
    ...(input.emailKey === undefined ? {} : { email: input.emailKey, emailKey: input.emailKey }),
    ...(input.phoneKey === undefined ? {} : { phone: input.phoneKey, phoneKey: input.phoneKey }),
    role: 'customer',
    externalIds: input.backOfficeIds.map((id) => ({ backOffice: 'northwind', id })),
    externalKeys: input.backOfficeIds.map((id) => `northwind:${id}`),
    nameKey: nameKey(input.name),
    searchWords: contactSearchWords({
      name: input.name,
      ...(input.emailKey ? { email: input.emailKey } : {}),
    }),
  };
}

export function storedPurchase(input: RecordedOrderInput): PurchaseRecord {
  return {
    id: input.purchaseId,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    contactId: input.contactId,
    kind: input.kind,
    purchaseDate: input.date,
    currency: input.currency,
    lines: input.lines.map((line, index) => ({
      productId: `product-${line.sku}-${index}`,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: { minor: line.unitPriceMinor, currency: input.currency },
      catalogPrice: { minor: line.unitPriceMinor, currency: input.currency },
    })),
  };
}
