import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../../src/db/database';
import { readSetting } from '../../../../src/db/settings';
import type { PurchaseRecord } from '../../../../src/domain/purchase';
import type { ReconcileStatus } from '../../../../src/domain/reconcile';
import type { Snapshot } from '../../../../src/db/dashboard-snapshot';
import { createDashboardModel } from '../../../../src/ui/dashboard/dashboard-model';
import { createPurchaseExportModel, exportFileName } from '../../../../src/ui/export/export-model';
import { makeContact, makePurchase } from '../../../support/contacts';

let db: TallyDatabase;
let downloads: { name: string; file: Blob }[];
const ana = makeContact({ name: 'Ana Müller', email: 'ana@example.com' });
const bob = makeContact({ name: 'Bob Stone' });
const first = makePurchase(ana.id, '2026-03-01', 1250, 2);
const sample: PurchaseRecord = { ...makePurchase(bob.id, '2026-03-05', 0), kind: 'sample' };
const later = makePurchase(ana.id, '2026-04-10', 999);

beforeEach(async () => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  downloads = [];
  await db.contacts.bulkAdd([ana, bob]);
  await db.purchases.bulkAdd([first, sample, later]);
});
afterEach(async () => {
  await db.delete();
});

async function dashboard() {
  const model = createDashboardModel({
    db,
    download: (name, file) => downloads.push({ name, file }),
    pause: async () => undefined,
  });
  await model.refresh();
  await model.exporter.show();
  return model;
}

/** The last file's rows below the header, cells split (no cell here holds the delimiter). */
async function lastRows(delimiter = ','): Promise<string[][]> {
  const file = downloads.at(-1)?.file ?? new Blob([]);
  // Blob.text() drops a byte-order mark; the file's bytes keep it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(delimiter));
}

function status(purchaseId: string, outcome: ReconcileStatus['outcome']): ReconcileStatus {
  return {
    purchaseId,
    runId: 'run-1',
    backOffice: 'northwind',
    outcome,
    backOfficeOrderIds: outcome === 'missing' ? [] : ['SO-7'],
    lines: [],
    differences: [],
    checkedAt: '2026-04-11T10:00:00.000Z',
  };
}

describe('Export purchases', () => {
  it('downloads what the date and kind filters keep, in Tally’s layout', async () => {
    const { exporter } = await dashboard();
    exporter.filters.fromText.value = '2026-03-01';
    exporter.filters.toText.value = '2026-03-31';
    exporter.filters.kind.value = 'purchase';
    await exporter.download();
    const [header, ...rows] = await lastRows();
    expect(header?.at(-2)).toBe('Status');
    expect(rows.map((row) => [row[0], row[1], row[7], row[8], row[11]])).toEqual([
      ['2026-03-01', 'Ana Müller', '2', '12.50', first.id],
    ]);
    expect(downloads[0]?.name).toMatch(/^tally-purchases-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exporter.status.value).toBe('Exported 1 line from 1 order.');
    expect(exporter.progress.value).toBeNull();
  });

  it('downloads one contact found by search', async () => {
    const { exporter } = await dashboard();
    await exporter.filters.search('bob');
    expect(exporter.filters.matches.value.map((contact) => contact.name)).toEqual(['Bob Stone']);
    exporter.filters.chooseContact(exporter.filters.matches.value[0] ?? null);
    await exporter.download();
    const [, ...rows] = await lastRows();
    expect(rows.map((row) => [row[1], row[4]])).toEqual([['Bob Stone', 'sample']]);
  });

  it('refuses a contact searched but not chosen rather than export everyone', async () => {
    const { exporter } = await dashboard();
    await exporter.filters.search('bob');
    await exporter.download();
    expect(exporter.error.value).toBe(
      'Choose one of the contacts found under Contact, or clear the search to export every contact.',
    );
    expect(downloads).toEqual([]);
    await exporter.filters.search('  ');
    await exporter.download();
    expect(exporter.error.value).toBeNull();
    expect(await lastRows()).toHaveLength(4);
  });

  it('says when the filters leave nothing, and downloads nothing', async () => {
    const { exporter } = await dashboard();
    exporter.filters.fromText.value = '2027-01-01';
    await exporter.download();
    expect(exporter.status.value).toBe('No purchases match these filters, so nothing was downloaded.');
    exporter.filters.toText.value = '2026-01-01';
    await exporter.download();
    expect(exporter.error.value).toBe('From must be on or before To.');
    expect(downloads).toEqual([]);
  });

  it('refuses a date field left half typed rather than export as if it were empty', async () => {
    const { exporter } = await dashboard();
    const { filters } = exporter;
    // A date input holds "" while only some of its day, month and year are typed.
    filters.setDate('from', '', true);
    expect(filters.fromProblem.value).toBe('From is not a whole date: finish it or clear it.');
    await exporter.download();
    expect(exporter.error.value).toBe('From is not a whole date: finish it or clear it.');
    filters.setDate('from', '2026-03-02', false);
    filters.setDate('to', '', true);
    await exporter.download();
    expect(exporter.error.value).toBe('To is not a whole date: finish it or clear it.');
    expect(downloads).toEqual([]);
    // Cleared, the field is open-ended again.
    filters.setDate('to', '', false);
    await exporter.download();
    expect(exporter.error.value).toBeNull();
    expect((await lastRows()).slice(1).map((row) => row[0])).toEqual(['2026-04-10', '2026-03-05']);
  });

  it('writes a purchase recorded in another page since the dashboard read its purchases', async () => {
    const model = await dashboard();
    model.exporter.close();
    // The sidebar (another page) records while the dashboard stays on screen.
    const recorded = makePurchase(bob.id, '2026-05-01', 700);
    await db.purchases.add(recorded);
    await model.exporter.show();
    await model.exporter.download();
    expect((await lastRows()).slice(1).map((row) => row[11])).toEqual([
      recorded.id,
      later.id,
      sample.id,
      first.id,
    ]);
    // The table shows it too.
    expect(model.purchases.value[0]?.id).toBe(recorded.id);
  });

  it('writes the newest read when an older one finishes after it', async () => {
    const reads: { resolve: (snapshot: Snapshot) => void }[] = [];
    const model = createDashboardModel({
      db,
      read: () => new Promise((resolve) => reads.push({ resolve })),
      download: (name, file) => downloads.push({ name, file }),
      pause: async () => undefined,
    });
    const snapshot = (records: PurchaseRecord[]): Snapshot => ({
      contactsById: new Map([ana, bob].map((contact) => [contact.id, contact])),
      contacts: [ana, bob],
      records,
    });
    // The dashboard's own refresh starts, then the panel opens and reads again; the first read
    // is slow and answers last, with purchases from before.
    const older = model.refresh();
    const opened = model.exporter.show();
    reads[1]?.resolve(snapshot([later, first]));
    await opened;
    reads[0]?.resolve(snapshot([first]));
    await older;
    expect(model.purchases.value.map((record) => record.id)).toEqual([later.id, first.id]);
    await model.exporter.download();
    expect((await lastRows()).slice(1).map((row) => row[11])).toEqual([later.id, first.id]);

    // The panel's read answers first but the dashboard asked again meanwhile: the file waits
    // for that newer read rather than be written from the panel's.
    const reopened = model.exporter.show();
    const again = model.refresh();
    let written = false;
    const downloaded = model.exporter.download().then(() => (written = true));
    reads[2]?.resolve(snapshot([first]));
    await new Promise((settle) => setTimeout(settle, 10));
    expect(written).toBe(false);
    reads[3]?.resolve(snapshot([sample, later, first]));
    await Promise.all([reopened, again, downloaded]);
    expect((await lastRows()).slice(1).map((row) => row[11])).toEqual([sample.id, later.id, first.id]);
  });

  it('filters by status and writes it, read from the database when the file is written', async () => {
    const model = await dashboard();
    await db.reconcileStatuses.bulkPut([status(first.id, 'synced'), status(later.id, 'missing')]);
    model.exporter.filters.status.value = 'synced';
    await model.exporter.download();
    const [, ...synced] = await lastRows();
    expect(synced.map((row) => [row[11], row.at(-2), row.at(-1)])).toEqual([[first.id, 'Synced', 'SO-7']]);
    model.exporter.filters.status.value = 'notReconciled';
    await model.exporter.download();
    const [, ...unjudged] = await lastRows();
    expect(unjudged.map((row) => [row[11], row.at(-2)])).toEqual([[sample.id, '']]);
    // The table's Status column reads them on refresh.
    await model.refresh();
    expect(model.statuses.value.get(later.id)?.outcome).toBe('missing');
  });

  it('makes a preset, saves it, and uses it again in another dashboard; then deletes it', async () => {
    const { exporter } = await dashboard();
    const presets = exporter.presets;
    presets.startNew();
    presets.edit({
      name: 'Sheets EU',
      backOffice: 'Shopify',
      dateFormat: 'DD/MM/YYYY',
      numberFormat: 'comma',
    });
    for (const column of presets.draft.value?.columns ?? []) {
      if (!['date', 'contact', 'unitPrice'].includes(column.id))
        presets.editColumn(column.id, { included: false });
    }
    presets.editColumn('contact', { name: 'Customer' });
    presets.move('unitPrice', -1);
    presets.move('unitPrice', -1);
    await presets.save();
    expect(presets.status.value).toBe('Saved the preset “Sheets EU”.');
    expect((await readSetting(db, 'exportPresets')).map((preset) => preset.name)).toEqual(['Sheets EU']);

    const again = (await dashboard()).exporter;
    expect(again.presets.chosenId.value).toBe('default');
    const saved = again.presets.presets.value[0];
    again.presets.choose(saved?.id ?? '');
    again.filters.toText.value = '2026-03-31';
    again.filters.kind.value = 'purchase';
    await again.download();
    expect(downloads.at(-1)?.name).toMatch(/^tally-purchases-sheets-eu-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await lastRows(';')).toEqual([
      ['Unit price', 'Date', 'Customer'],
      ['"12,50"', '01/03/2026', 'Ana Müller'],
    ]);

    again.presets.startNew();
    again.presets.edit({ name: 'sheets eu' });
    await again.presets.save();
    expect(again.presets.error.value).toBe(
      'The preset was not saved: a preset named “sheets eu” already exists.',
    );

    again.presets.choose(saved?.id ?? '');
    await again.presets.remove();
    expect(again.presets.status.value).toBe('Deleted the preset “Sheets EU”.');
    expect(again.presets.draft.value).toBeNull();
    expect(await readSetting(db, 'exportPresets')).toEqual([]);
  });

  it('writes the file in chunks with the progress bar between them', async () => {
    const seen: (string | null)[] = [];
    const records = [first, later, sample];
    const exporter = createPurchaseExportModel({
      db,
      data: () => ({ records, contactsById: new Map([ana, bob].map((contact) => [contact.id, contact])) }),
      download: () => undefined,
      chunkLines: 1,
      sliceMs: 0,
      pause: async () => {
        const progress = exporter.progress.value;
        seen.push(progress ? `${progress.written}/${progress.total}` : null);
      },
    });
    await exporter.download();
    expect(seen).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(exporter.progress.value).toBeNull();
  });

  it('names the file after the preset', () => {
    const preset = {
      id: 'p',
      name: 'Über Shop!',
      backOffice: '',
      dateFormat: 'YYYY-MM-DD',
      numberFormat: 'point',
      columns: [],
    } as const;
    expect(exportFileName({ ...preset, columns: [] }, '2026-11-22')).toBe(
      'tally-purchases-uber-shop-2026-11-22.csv',
    );
  });
});
