import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { importCatalog } from '../../../src/db/products';
import { mappingHeaderKey } from '../../../src/csv/order-export';
import { readReconcileFile, saveBackOfficeMapping, startReconcileJob } from '../../../src/db/reconcile-start';
import { bytesOf, MARCH_ROWS, northwindCsv } from '../../support/reconcile-store';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const ACME = [
  'Order No;When;Client;Client email;Article;Units;Each',
  'A-1;12/03/2026;K-7;ada@example.com;NW-1001;2;12,50',
  'A-2;13/03/2026;K-8;ben@example.com;NW-1002;1;9,00',
  '',
].join('\r\n');

describe('reading a dropped file', () => {
  it('recognises the demo back office’s export, with its hash and first rows', async () => {
    const bytes = bytesOf(northwindCsv(MARCH_ROWS));
    const read = await readReconcileFile(db, bytes, 'northwind-orders.csv');
    expect(read).toMatchObject({ ok: true, layout: { format: 'northwind', backOffice: 'northwind' } });
    if (!read.ok) return;
    expect(read.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(read.preview).toHaveLength(5);
    expect(read.preview[0]).toEqual([
      'SO-1',
      '2026-03-02',
      'C-1',
      'ada@example.com',
      'NW-1001',
      '2',
      '12.50',
      'USD',
    ]);
  });

  it('asks for a mapping for an unknown layout, then knows it once the mapping is saved', async () => {
    const bytes = bytesOf(ACME);
    const first = await readReconcileFile(db, bytes, 'acme.csv');
    expect(first).toMatchObject({ ok: false, needsMapping: { header: ACME.split('\r\n')[0]?.split(';') } });
    if (first.ok || !('needsMapping' in first)) return;
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.needsMapping.preview).toEqual([
      ['A-1', '12/03/2026', 'K-7', 'ada@example.com', 'NW-1001', '2', '12,50'],
      ['A-2', '13/03/2026', 'K-8', 'ben@example.com', 'NW-1002', '1', '9,00'],
    ]);
    const confirmed = {
      ...first.needsMapping.guess,
      backOffice: 'acme',
      columns: { orderId: 0, date: 1, customerId: 2, customerEmail: 3, sku: 4, quantity: 5, unitPrice: 6 },
      dateOrder: 'dmy' as const,
      defaultCurrency: 'EUR',
    };
    const saved = await saveBackOfficeMapping(db, { ...confirmed, defaultCurrency: 'GBP' });
    // Saved again (the user corrected the currency): the same mapping is replaced, not added.
    const again = await saveBackOfficeMapping(db, confirmed, '2026-03-14T09:00:00.000Z');
    expect(again.id).toBe(saved.id);
    expect(await db.backOfficeMappings.count()).toBe(1);

    const second = await readReconcileFile(db, bytes, 'acme-april.csv');
    expect(second).toMatchObject({
      ok: true,
      layout: { format: 'mapped', backOffice: 'acme', dateOrder: 'dmy', defaultCurrency: 'EUR' },
    });
  });

  it('reads a header confirmed for two back offices with the newest mapping', async () => {
    const first = await readReconcileFile(db, bytesOf(ACME), 'acme.csv');
    if (first.ok || !('needsMapping' in first)) throw new Error('expected a mapping');
    const layout = {
      ...first.needsMapping.guess,
      columns: { orderId: 0, date: 1, customerId: 2, customerEmail: 3, sku: 4, quantity: 5, unitPrice: 6 },
      dateOrder: 'dmy' as const,
      defaultCurrency: 'EUR',
    };
    const mapping = (id: string, backOffice: string, confirmedAt: string) => ({
      id,
      backOffice,
      headerKey: mappingHeaderKey(layout.header),
      layout: { ...layout, backOffice },
      confirmedAt,
    });
    // Kept under ids that sort the older one first, as random ids may.
    await db.backOfficeMappings.bulkAdd([
      mapping('a', 'import', '2026-03-01T09:00:00.000Z'),
      mapping('b', 'acme', '2026-03-14T09:00:00.000Z'),
    ]);
    expect(await readReconcileFile(db, bytesOf(ACME), 'acme.csv')).toMatchObject({
      ok: true,
      layout: { backOffice: 'acme' },
    });
  });

  it('says so when the file is a products or contacts list, and still maps orders in unknown words', async () => {
    const cases: [string, RegExp | null][] = [
      // The demo back office's products export, downloaded beside its orders.
      ['sku,name,category,price,currency,barcode\r\nNW-1,Soap,Bath,4.00,USD,123\r\n', /list of products/],
      ['First Name,Last Name,Email,Phone\r\nAda,Lovelace,ada@example.com,555\r\n', /list of contacts/],
      ['Bestellnr;Datum;Kunde;Artikel;Menge;Preis\r\n1;01.03.2026;K-1;A-1;1;4,00\r\n', null],
      // Orders that name the product and its price: a date makes them orders.
      ['Date,SKU,Name,Price,Qty\r\n2026-03-02,NW-1,Soap,4.00,1\r\n', null],
    ];
    for (const [text, error] of cases) {
      const read = await readReconcileFile(db, bytesOf(text), 'export.csv');
      if (error) expect(read).toEqual({ ok: false, error: expect.stringMatching(error) });
      else expect(read).toMatchObject({ ok: false, needsMapping: expect.anything() });
    }
  });

  it('reads a file with no currency column in the currency the catalog is priced in', async () => {
    await importCatalog(db, [
      { sku: 'NW-1001', name: 'Hand Cream', price: { minor: 1250, currency: 'CAD' }, extra: {} },
    ]);
    const read = await readReconcileFile(
      db,
      bytesOf(
        'Order No,Date,Client email,Article,Units,Each\r\nA-1,2026-03-12,ada@example.com,NW-1001,2,$12.50\r\n',
      ),
      'till.csv',
    );
    expect(read).toMatchObject({ ok: false, needsMapping: { guess: { defaultCurrency: 'CAD' } } });
  });

  it('says why a file cannot be read, writing nothing', async () => {
    expect(await readReconcileFile(db, new Uint8Array(), 'empty.csv')).toEqual({
      ok: false,
      error: 'empty.csv is empty.',
    });
    const broken = await readReconcileFile(
      db,
      bytesOf('order_id,"order_date\r\nSO-1,2026-03-02\r\n'),
      'b.csv',
    );
    expect(broken).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await db.reconcileJobs.count()).toBe(0);
  });
});

describe('starting a job', () => {
  it('writes the job queued at the first row, with its file, in one go', async () => {
    const text = northwindCsv(MARCH_ROWS);
    const bytes = bytesOf(text);
    const read = await readReconcileFile(db, bytes, 'n.csv');
    if (!read.ok) throw new Error('not recognised');
    const started = await startReconcileJob(db, {
      fileName: 'n.csv',
      bytes,
      hash: read.hash,
      layout: read.layout,
      options: { dateWindowDays: 2, priceTolerance: 0.1 },
      defaultCountry: 'GB',
      now: '2026-03-14T09:00:00.000Z',
    });
    if (!('jobId' in started)) throw new Error('already reconciled');
    const job = await db.reconcileJobs.get(started.jobId);
    expect(job).toMatchObject({
      state: 'queued',
      createdAt: '2026-03-14T09:00:00.000Z',
      fileHash: read.hash,
      fileSize: bytes.length,
      textLength: text.length,
      options: { dateWindowDays: 2, priceTolerance: 0.1 },
      defaultCountry: 'GB',
      // The header is line 1: reading starts on line 2, right after it.
      cursor: { offset: text.indexOf('SO-1'), line: 2, chunk: 0 },
    });
    const file = await db.reconcileFiles.get(started.jobId);
    expect(new Uint8Array(await (file?.bytes as Blob).arrayBuffer())).toEqual(bytes);
  });
});
