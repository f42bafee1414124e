import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapturedContact } from '../../../../src/db/contacts';
import { TallyDatabase } from '../../../../src/db/database';
import { recordPurchase } from '../../../../src/db/purchases';
import { writeSetting } from '../../../../src/db/settings';
import { DEFAULT_RECEIPT_TEMPLATE } from '../../../../src/domain/receipt-template';
import type { PurchaseKind } from '../../../../src/domain/purchase';
import { createStatementModel } from '../../../../src/ui/reports/statement-model';
import { pdfText } from '../../../support/pdf-text';

const TODAY = '2026-11-22';
const product = { productId: crypto.randomUUID(), sku: 'NW-1', name: 'Hand Cream' };

let db: TallyDatabase;
let downloads: { filename: string; blob: Blob }[];
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  downloads = [];
});
afterEach(async () => {
  await db.delete();
});

async function ada() {
  const saved = await saveCapturedContact(
    db,
    { backOffice: 'northwind', name: 'Ada Lovelace', email: 'ada@example.com', url: 'http://127.0.0.1/' },
    'US',
  );
  return saved.contact;
}

async function record(
  contactId: string,
  purchaseDate: string,
  quantity: number,
  kind: PurchaseKind = 'purchase',
) {
  const price = { minor: 1250, currency: 'USD' };
  await recordPurchase(db, {
    contactId,
    kind,
    purchaseDate,
    currency: 'USD',
    lines: [{ ...product, quantity, unitPrice: price, catalogPrice: price }],
  });
}

function model(contactId: string) {
  return createStatementModel(
    {
      db,
      locale: 'en-US',
      today: () => TODAY,
      download: (filename, blob) => downloads.push({ filename, blob }),
    },
    contactId,
  );
}

describe('customer statement model', () => {
  it('counts what the period covers and downloads the PDF with the shop from the receipt template', async () => {
    const contact = await ada();
    await writeSetting(db, 'receiptTemplate', {
      ...DEFAULT_RECEIPT_TEMPLATE,
      shopName: 'Fixit Repair & Resale',
      address: '12 Market Street',
    });
    await record(contact.id, '2026-03-01', 2);
    await record(contact.id, '2026-04-01', 1, 'sample');
    await record(contact.id, '2025-01-01', 9); // before the period
    const statement = model(contact.id);
    await statement.refresh();
    expect(statement.fields.fromText.value).toBe('2025-12-01');
    expect(statement.summary.value).toBe('1 purchase and 1 sample in this period.');

    await statement.downloadPdf();
    expect(statement.error.value).toBeNull();
    expect(downloads.map((one) => [one.filename, one.blob.type])).toEqual([
      ['statement-ada-lovelace-2025-12-01-to-2026-11-22.pdf', 'application/pdf'],
    ]);
    const text = (await pdfText(new Uint8Array(await downloads[0]!.blob.arrayBuffer()))).join('\n');
    for (const expected of [
      'Fixit Repair & Resale',
      '12 Market Street',
      'Ada Lovelace',
      'ada@example.com',
      '2 × Hand Cream',
      '$25.00',
      'Samples (no charge)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('9 × Hand Cream');
    expect(statement.status.value).toBe('Downloaded statement-ada-lovelace-2025-12-01-to-2026-11-22.pdf.');
  });

  it('downloads the CSV for the period the user picks, with what was recorded since it opened', async () => {
    const contact = await ada();
    const statement = model(contact.id);
    await statement.refresh();
    expect(statement.summary.value).toBe('No purchases or samples in this period.');
    statement.fields.fromText.value = '2025-01-01';
    statement.fields.toText.value = '2025-12-31';
    await record(contact.id, '2025-01-01', 3);
    await statement.downloadCsv();
    expect(downloads[0]?.filename).toBe('statement-ada-lovelace-2025-01-01-to-2025-12-31.csv');
    const lines = (await downloads[0]!.blob.text()).split('\r\n');
    expect(lines[1]).toMatch(
      /^2025-01-01,[0-9A-F]{8},Purchase,NW-1,Hand Cream,3,12\.50,37\.50,37\.50,USD,,$/,
    );
    expect(statement.summary.value).toBe('1 purchase in this period.');
  });

  it('downloads nothing for a wrong period or a contact that is gone, and says why', async () => {
    const contact = await ada();
    const statement = model(contact.id);
    statement.fields.toText.value = '2020-01-01';
    expect(statement.fields.check.value.toProblem).toBe('Statement to must not be before Statement from.');
    await statement.downloadPdf();
    expect(statement.error.value).toBe('Fix the statement period first.');

    const gone = model(crypto.randomUUID());
    await gone.downloadCsv();
    expect(gone.error.value).toBe('This contact no longer exists.');
    expect(downloads).toEqual([]);
  });

  it('says the download failed, and lets the user try again', async () => {
    const contact = await ada();
    const statement = createStatementModel(
      {
        db,
        today: () => TODAY,
        download: () => {
          throw new Error('Downloads are blocked.');
        },
      },
      contact.id,
    );
    await statement.downloadCsv();
    expect(statement.error.value).toBe('The statement CSV was not made: Downloads are blocked.');
    expect(statement.status.value).toBeNull();
    expect(statement.busy.value).toBe(false);
  });
});
