import { pathToFileURL } from 'node:url';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { printFigures, type Figure } from './figures';
import { bundlePageScript } from './page-bundle';

/**
 * `Back up` and `Restore` at 10,000 records with 100 attachments of about 50 KB, in real Chromium,
 * inside the built extension's dashboard page, through Tally's own modules: 2,000 contacts and
 * 8,000 purchases made with Tally's rules (makeContact, makePurchase) and 100 JPEG-headed photos in
 * a database of the bench's own; writeBackup (one read transaction, the zip made); then in a second
 * empty database readBackup + planRestore (the whole file checked, the preview computed) and
 * applyRestore into an empty profile (one transaction). The restored database is compared with
 * the first by row counts. Bundled with esbuild and evaluated through the DevTools protocol.
 */

const CONTACTS = 2_000;
const PURCHASES = 8_000;
const ATTACHMENTS = 100;
const ATTACHMENT_BYTES = 50 * 1024;

export interface BackupTimes {
  backupMs: number;
  checkMs: number;
  restoreMs: number;
  zipBytes: number;
  records: number;
  restoredRows: number;
  sourceRows: number;
}

type BenchWindow = typeof globalThis & {
  backupBench: {
    run(contacts: number, purchases: number, attachments: number, bytes: number): Promise<BackupTimes>;
  };
};

const PAGE_SCRIPT = `
import 'bench:zod-jitless';
import { TallyDatabase } from './src/db/database';
import { writeBackup } from './src/db/backup-write';
import { planRestore } from './src/db/backup-merge';
import { readBackup } from './src/db/backup-read';
import { applyRestore } from './src/db/backup-restore';
import { sha256Hex } from './src/db/attachments';
import { makeContact, makePurchase } from './test/support/contacts';

async function rowCount(db) {
  let rows = 0;
  for (const table of db.tables) rows += await table.count();
  return rows;
}

globalThis.backupBench = {
  async run(contactCount, purchaseCount, attachmentCount, attachmentBytes) {
    const stamp = Date.now();
    const source = new TallyDatabase('tally-bench-backup-source-' + stamp);
    const target = new TallyDatabase('tally-bench-backup-target-' + stamp);
    try {
      const contacts = [];
      for (let i = 0; i < contactCount; i++) {
        contacts.push(makeContact({ name: 'Customer ' + i + ' Müller', email: 'customer' + i + '@example.com' }));
      }
      const purchases = [];
      for (let i = 0; i < purchaseCount; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        purchases.push(makePurchase(contacts[i % contacts.length].id, '2026-02-' + day, 100 + (i % 9900), 1 + (i % 3)));
      }
      const buyBackId = crypto.randomUUID();
      const attachments = [];
      for (let i = 0; i < attachmentCount; i++) {
        const bytes = new Uint8Array(attachmentBytes);
        crypto.getRandomValues(bytes.subarray(0, 65536 > attachmentBytes ? attachmentBytes : 65536));
        bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
        attachments.push({
          id: crypto.randomUUID(), buyBackId, name: 'photo-' + i + '.jpg', type: 'image/jpeg',
          size: bytes.byteLength, sha256: await sha256Hex(bytes), createdAt: '2026-02-01T10:00:00.000Z',
          blob: new Blob([bytes], { type: 'image/jpeg' }),
        });
      }
      await source.contacts.bulkAdd(contacts);
      await source.purchases.bulkAdd(purchases);
      await source.attachments.bulkAdd(attachments);
      await target.open();
      await new Promise((settle) => setTimeout(settle, 200));

      let start = performance.now();
      const backup = await writeBackup(source, { appVersion: 'bench' });
      const backupMs = performance.now() - start;
      const zip = new Uint8Array(await backup.zip.arrayBuffer());

      start = performance.now();
      const contents = await readBackup(target, zip);
      await planRestore(target, contents);
      const checkMs = performance.now() - start;

      start = performance.now();
      await applyRestore(target, contents, 'empty');
      const restoreMs = performance.now() - start;

      return {
        backupMs, checkMs, restoreMs, zipBytes: zip.byteLength,
        records: contactCount + purchaseCount,
        restoredRows: await rowCount(target), sourceRows: await rowCount(source),
      };
    } finally {
      source.close();
      target.close();
      await source.delete();
      await target.delete();
    }
  },
};
`;

export async function backupFigures(tally: TallyBrowser): Promise<Figure[]> {
  const script = await bundlePageScript(PAGE_SCRIPT, 'backup-bench.ts');
  const page = await tally.browser.newPage();
  let times: BackupTimes;
  try {
    await page.goto(`${tally.extensionOrigin}/dashboard.html`);
    await page.waitForSelector('::-p-aria(Back up)');
    await page.evaluate(script);
    times = await page.evaluate(
      (contacts, purchases, attachments, bytes) =>
        (globalThis as BenchWindow).backupBench.run(contacts, purchases, attachments, bytes),
      CONTACTS,
      PURCHASES,
      ATTACHMENTS,
      ATTACHMENT_BYTES,
    );
  } finally {
    await page.close();
  }
  if (times.restoredRows !== times.sourceRows) {
    throw new Error(`Restore wrote ${times.restoredRows} rows of the ${times.sourceRows} backed up.`);
  }
  const label = `${times.records.toLocaleString('en')} records + ${ATTACHMENTS} attachments of ${ATTACHMENT_BYTES / 1024} KB`;
  return [
    { name: `Back up ${label} (read, zip)`, value: times.backupMs, unit: 'ms', budget: null },
    {
      name: `Restore ${label}: whole file checked + preview`,
      value: times.checkMs,
      unit: 'ms',
      budget: null,
    },
    {
      name: `Restore ${label}: written into an empty profile`,
      value: times.restoreMs,
      unit: 'ms',
      budget: null,
    },
    { name: `Back up ${label}: file size`, value: times.zipBytes / 1024 / 1024, unit: 'MB', budget: null },
  ];
}

// `npx tsx test/bench/backup.ts` measures backup and restore alone, against the extension already built.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tally = await launchWithTally({ headless: true });
  try {
    printFigures(await backupFigures(tally));
  } finally {
    await tally.close();
  }
}
