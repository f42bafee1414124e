import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEveryTable } from '../support/backup-seed';
import { newBuyBackFromDashboard } from '../support/buy-back';
import { launchWithTally, waitForDownload, type TallyBrowser } from '../support/chromium';
import { seedPageDatabase } from '../support/page-seed';
import { openDashboard } from '../support/tour';
import { dumpTallyDatabase } from '../support/database-dump';

const SECTION = 'section#backup';

async function chooseRestoreFile(dashboard: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    dashboard.waitForFileChooser(),
    dashboard.locator(`${SECTION} ::-p-aria(Restore[role="button"])`).click(),
  ]);
  await chooser.accept([path]);
}

/**
 * Issue 8, "Nothing lost": a profile with a row in every table and a buy-back photo attached
 * through the screen is backed up to a zip; a second, fresh browser profile restores it into an
 * empty profile and holds exactly the same data, attachments byte for byte. A damaged file and a
 * zip that is not a backup are refused with the reason on screen, changing nothing, and merging
 * the same backup again writes nothing.
 */
describe('Back up and Restore', () => {
  let first: TallyBrowser;
  let second: TallyBrowser | undefined;
  let dir: string;
  let zipPath: string;
  let backedUp: Record<string, string[]>;
  let photo: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-backup-'));
    first = await launchWithTally({ headless: true });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('backs up every table and every attachment to one zip', async () => {
    let dashboard = await openDashboard(first);
    await seedPageDatabase(dashboard, seedEveryTable);
    await dashboard.reload();
    await dashboard.waitForSelector('::-p-aria(Export purchases)');

    // A photo attached through the buy-back screen, as a shop would.
    await newBuyBackFromDashboard(dashboard, 'ada', 'Ada Lovelace');
    photo = Buffer.concat([
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
      // Bytes after the image's end: kept as they are, so the copy must be byte for byte.
      Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 31) % 256)),
    ]);
    const photoPath = join(dir, 'device-photo.png');
    await writeFile(photoPath, photo);
    const [chooser] = await Promise.all([
      dashboard.waitForFileChooser(),
      dashboard.locator('::-p-aria(Attach file)').click(),
    ]);
    await chooser.accept([photoPath]);
    await dashboard.waitForSelector('img[alt="device-photo.png"]');

    await dashboard.close();
    // The sidebar says so in one line, linking to the dashboard's Backup section.
    const sidebar = await first.browser.newPage();
    await sidebar.goto(`${first.extensionOrigin}/sidebar.html`);
    const link = await sidebar.waitForSelector('::-p-aria(Back up on the dashboard)');
    expect(await link!.evaluate((anchor) => (anchor as HTMLAnchorElement).href)).toBe(
      `${first.extensionOrigin}/dashboard.html#backup`,
    );
    await sidebar.close();
    dashboard = await openDashboard(first);
    // With records and no backup yet, the dashboard reminds.
    await dashboard.waitForSelector('::-p-aria(Back up now)');
    await dashboard.locator(`${SECTION} ::-p-aria(Back up[role="button"])`).click();
    zipPath = await waitForDownload(first.downloadDir, /^tally-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    await dashboard.waitForSelector(`${SECTION} ::-p-text(Last backup:)`);
    await dashboard.waitForFunction(() => !document.body.textContent?.includes('Back up now'));
    backedUp = await dumpTallyDatabase(dashboard);
    // Every table holds something, so "every table identical" below checks every table.
    expect(Object.entries(backedUp).filter(([, rows]) => rows.length === 0)).toEqual([]);

    const files = unzipSync(await readFile(zipPath));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      format: string;
      tables: { name: string; rows: number }[];
      files: { path: string; sha256: string }[];
    };
    expect(manifest.format).toBe('tally-backup');
    for (const table of manifest.tables) expect(table.rows).toBe(backedUp[table.name]?.length);
    const photoHash = createHash('sha256').update(photo).digest('hex');
    const stored = manifest.files.find((file) => file.sha256 === photoHash);
    expect(stored?.path).toMatch(/^attachments\//);
    expect(createHash('sha256').update(files[stored!.path]!).digest('hex')).toBe(photoHash);
  });

  it('restores into an empty profile of a fresh browser: every table identical, attachments byte for byte', async () => {
    second = await launchWithTally({ headless: true });
    const dashboard = await openDashboard(second);
    await chooseRestoreFile(dashboard, zipPath);
    const preview = await dashboard.waitForSelector('section[aria-labelledby=restore-preview-heading]');
    // Tables under the names people know them by; Tally's working tables on one line.
    const contactsRow = await preview!.waitForSelector('tr ::-p-text(Contacts)');
    expect(await contactsRow!.evaluate((cell) => cell.parentElement?.textContent)).toBe(
      `Contacts${backedUp.contacts!.length}${backedUp.contacts!.length}000`,
    );
    await preview!.waitForSelector('tr ::-p-text(Other Tally data)');
    expect(await preview!.evaluate((section) => section.textContent)).not.toMatch(
      /reconcileChunks|contactEvents/,
    );
    await dashboard.locator('::-p-aria(Restore into empty profile)').click();
    await dashboard.locator('::-p-aria(Confirm restore)').click();
    await dashboard.waitForSelector(`${SECTION} [role=status] ::-p-text(rows written)`);
    // The dashboard read the restored records without a reload.
    await dashboard.waitForSelector('::-p-text(Grace Hopper)');

    expect(await dumpTallyDatabase(dashboard)).toEqual(backedUp);
  });

  it('merging the same backup again writes nothing', async () => {
    const dashboard = await openDashboard(second!);
    const before = await dumpTallyDatabase(dashboard);
    await chooseRestoreFile(dashboard, zipPath);
    const into = await dashboard.waitForSelector('::-p-aria(Restore into empty profile)');
    expect(await into!.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    await dashboard.locator('::-p-aria(Merge)').click();
    await dashboard.locator('::-p-aria(Confirm restore)').click();
    await dashboard.waitForSelector(`${SECTION} [role=status] ::-p-text(0 rows written)`);
    expect(await dumpTallyDatabase(dashboard)).toEqual(before);
  });

  it('refuses a damaged file and a zip that is not a backup, saying why and changing nothing', async () => {
    const dashboard = await openDashboard(second!);
    const before = await dumpTallyDatabase(dashboard);

    const bytes = await readFile(zipPath);
    const damaged = join(dir, 'damaged.zip');
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await chooseRestoreFile(dashboard, damaged);
    await dashboard.waitForSelector(`${SECTION} [role=alert] ::-p-text(not a readable zip)`);

    const foreign = join(dir, 'holiday-photos.zip');
    await writeFile(foreign, zipSync({ 'photo.txt': strToU8('not a backup') }));
    await chooseRestoreFile(dashboard, foreign);
    await dashboard.waitForSelector(`${SECTION} [role=alert] ::-p-text(not a Tally backup)`);

    expect(await dashboard.$('section[aria-labelledby=restore-preview-heading]')).toBeNull();
    expect(await dumpTallyDatabase(dashboard)).toEqual(before);
  });
});
