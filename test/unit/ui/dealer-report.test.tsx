// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEALER_REPORT_COLUMNS } from '../../../src/csv/dealer-report';
import { TallyDatabase } from '../../../src/db/database';
import { DealerReport } from '../../../src/ui/dashboard/DealerReport';
import { createDealerReportModel } from '../../../src/ui/dashboard/dealer-report-model';
import { item, paidBuyBack, seller } from '../dealer-report-fixtures';

const DAY = '2026-11-22';

let db: TallyDatabase;
let root: HTMLElement;
let downloads: { filename: string; text: string }[];
let today: string;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
  downloads = [];
  today = DAY;
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

const ada = seller('Ada Lovelace', { email: 'ada@example.com' });

/** Ada sells a phone and its case on the 22nd, and a tablet the day before. */
async function seed() {
  await db.contacts.add(ada);
  await db.buyBacks.bulkAdd([
    paidBuyBack({
      number: 1,
      contact: ada,
      paidAt: '2026-11-21T15:00:00.000Z',
      paidOn: '2026-11-21',
      items: [item('Tablet', 9000)],
    }),
    paidBuyBack({
      number: 2,
      contact: ada,
      paidAt: '2026-11-22T10:00:00.000Z',
      paidOn: DAY,
      items: [item('Phone', 20000, { serial: '352099001761481' }), item('Case', 500)],
      seller: { idType: 'Passport', idNumber: 'X123' },
    }),
  ]);
}

async function loaded() {
  const model = createDealerReportModel({
    db,
    download: (filename, text) => downloads.push({ filename, text }),
    today: () => today,
    locale: 'en-GB',
    timeZone: 'UTC',
  });
  await model.refresh();
  return model;
}

describe('dealer report model', () => {
  it('counts today’s items and exports the day as CSV', async () => {
    await seed();
    const model = await loaded();
    expect(model.day.value).toBe(DAY);
    expect(model.summary.value).toBe('2 items bought on 22 Nov 2026');

    await model.exportReport();
    expect(downloads.map((one) => one.filename)).toEqual(['dealer-report-2026-11-22.csv']);
    const lines = downloads[0]?.text.split('\r\n') ?? [];
    expect(lines[0]).toBe(`\uFEFF${DEALER_REPORT_COLUMNS.join(',')}`);
    expect(lines.slice(1, 3).map((line) => line.split(',').slice(0, 3))).toEqual([
      ['BB-0002', '2026-11-22 10:00', 'Ada Lovelace'],
      ['BB-0002', '2026-11-22 10:00', 'Ada Lovelace'],
    ]);
    expect(lines).toHaveLength(4); // header, two items, and the last line's end
  });

  it('counts the chosen day, in words for one item and for none', async () => {
    await seed();
    const model = await loaded();
    await model.chooseDay('2026-11-21');
    expect(model.summary.value).toBe('1 item bought on 21 Nov 2026');
    await model.chooseDay('2026-11-20');
    expect(model.summary.value).toBe('Nothing bought on 20 Nov 2026');
    await model.exportReport();
    expect(downloads[0]?.filename).toBe('dealer-report-2026-11-20.csv');
    expect(downloads[0]?.text).toBe(`\uFEFF${DEALER_REPORT_COLUMNS.join(',')}\r\n`);
  });

  it('marks an empty date and exports nothing until a date is chosen', async () => {
    const model = await loaded();
    await model.chooseDay('');
    expect(model.dayError.value).toBe('Choose a report date.');
    await model.exportReport();
    expect(downloads).toEqual([]);
    await model.chooseDay('2026-02-30');
    expect(model.dayError.value).toBe('"2026-02-30" is not a date (YYYY-MM-DD).');
    await model.chooseDay(DAY);
    expect(model.dayError.value).toBeNull();
    await model.exportReport();
    expect(downloads).toHaveLength(1);
  });

  it('follows the calendar until the user picks a day, then keeps the day picked', async () => {
    const model = await loaded();
    today = '2026-11-23';
    await model.refresh();
    expect(model.dayText.value).toBe('2026-11-23');
    await model.chooseDay(DAY);
    today = '2026-11-24';
    await model.refresh();
    expect(model.day.value).toBe(DAY);
  });

  it('counts a payout that came in after the day was first counted', async () => {
    const model = await loaded();
    expect(model.summary.value).toBe('Nothing bought on 22 Nov 2026');
    await seed();
    await model.exportReport();
    expect(model.summary.value).toBe('2 items bought on 22 Nov 2026');
  });
});

describe('Dealer report section', () => {
  it('has the report date, the day’s count and the export button', async () => {
    await seed();
    const model = await loaded();
    await act(() => render(<DealerReport model={model} />, root));
    expect(root.querySelector('h2')?.textContent).toBe('Dealer report');
    const label = [...root.querySelectorAll('label')].find(
      (one) => one.textContent?.trim() === 'Report date',
    );
    const input = label?.querySelector('input') as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(input.value).toBe(DAY);
    expect(root.querySelector('[role=status]')?.textContent).toBe('2 items bought on 22 Nov 2026');

    input.value = '2026-11-21';
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(root.querySelector('[role=status]')?.textContent).toBe('1 item bought on 21 Nov 2026');

    const exportButton = [...root.querySelectorAll('button')].find(
      (one) => one.textContent === 'Export dealer report',
    );
    await act(() => exportButton?.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(downloads.map((one) => one.filename)).toEqual(['dealer-report-2026-11-21.csv']);

    input.value = '';
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Choose a report date.');
    expect(exportButton?.disabled).toBe(true);
  });
});
