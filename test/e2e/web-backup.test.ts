import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, seedEveryTable } from '../support/backup-seed';
import { launchWithTally, waitForDownload, type TallyBrowser } from '../support/chromium';
import { dumpTallyDatabase } from '../support/database-dump';
import { seedPageDatabase } from '../support/page-seed';
import { openDashboard } from '../support/tour';
import { serveWebApp } from '../support/web-app';
import { startDemoServer, type DemoServer } from '../demo/server';
import type { StaticSite } from '../demo/static-site';

const SECTION = 'section#backup';
const BACKUP_FILE = /^tally-backup-\d{4}-\d{2}-\d{2}\.zip$/;

async function chooseRestoreFile(dashboard: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    dashboard.waitForFileChooser(),
    dashboard.locator(`${SECTION} ::-p-aria(Restore[role="button"])`).click(),
  ]);
  await chooser.accept([path]);
}

/** `Back up`, then moves the zip out of the download folder (the next one has the same name). */
async function backUp(dashboard: Page, tally: TallyBrowser, keepIn: string, as: string): Promise<string> {
  await dashboard.locator(`${SECTION} ::-p-aria(Back up[role="button"])`).click();
  const downloaded = await waitForDownload(tally.downloadDir, BACKUP_FILE);
  const kept = join(keepIn, as);
  await rename(downloaded, kept);
  return kept;
}

/** Both builds write the package's version into a backup (the manifest's, the web build's define). */
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

async function previewMadeBy(dashboard: Page): Promise<string> {
  const preview = await dashboard.waitForSelector('section[aria-labelledby=restore-preview-heading]');
  return preview!.$eval('p', (line) => line.textContent ?? '');
}

/** A preview row's cells ("Contacts", rows, new, identical, newer here, newer in file). */
async function previewRow(dashboard: Page, label: string): Promise<string[]> {
  const preview = await dashboard.waitForSelector('section[aria-labelledby=restore-preview-heading]');
  const cell = await preview!.waitForSelector(`tr ::-p-text(${label})`);
  return cell!.evaluate((th) => [...(th.parentElement?.children ?? [])].map((c) => c.textContent ?? ''));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Issue 9: "A backup made in the extension restores into the web app and the other way round."
 * One Chromium holds both: the extension (seeded with a row in every table, a buy-back photo
 * among them) and the built web app. The extension's zip restores into the empty web app, which
 * then holds exactly the same data and shows it; a contact added in the web app travels back in
 * the web app's own backup and merges into the extension, which loses nothing.
 *
 * The web app is served on 127.0.0.1, where the extension's content script runs (its demo back
 * offices, src/domain/back-office-origins.ts): it must recognise Tally's own pages and stay away.
 */
describe('Backup round trip between the extension and the web app', () => {
  let tally: TallyBrowser;
  let site: StaticSite;
  let demo: DemoServer;
  let webOrigin: string;
  let dir: string;
  let extensionZip: string;
  let backedUp: Record<string, string[]>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-web-backup-'));
    tally = await launchWithTally({ headless: true });
    site = await serveWebApp();
    demo = await startDemoServer();
    webOrigin = site.url;
  });

  afterAll(async () => {
    await tally?.close();
    await site?.close();
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function openWebDashboard(hash = ''): Promise<Page> {
    const page = await tally.browser.newPage();
    await page.goto(`${webOrigin}/${hash}`);
    await page.waitForSelector('::-p-aria(Export purchases)');
    return page;
  }

  it('leaves the web app alone: no launcher of the extension on its pages, as on a back office', async () => {
    const backOffice = await tally.browser.newPage();
    await backOffice.goto(`${demo.url}/repair`);
    await backOffice.waitForSelector('::-p-aria(Open Tally)');
    for (const path of ['/', '/sidebar.html']) {
      const page = await tally.browser.newPage();
      await page.goto(`${webOrigin}${path}`);
      await page.waitForSelector('#app > *');
      // The launcher mounts as soon as the DOM is ready (it did on the back office above).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.$('::-p-aria(Open Tally)')).toBeNull();
      await page.close();
    }
    await backOffice.close();
  });

  it('restores the extension’s backup into an empty web app: every table identical, shown on its screens', async () => {
    const extension = await openDashboard(tally);
    await seedPageDatabase(extension, seedEveryTable);
    await extension.reload();
    await extension.waitForSelector('::-p-aria(Export purchases)');
    extensionZip = await backUp(extension, tally, dir, 'from-extension.zip');
    backedUp = await dumpTallyDatabase(extension);
    expect(Object.entries(backedUp).filter(([, rows]) => rows.length === 0)).toEqual([]);
    await extension.close();

    const web = await openWebDashboard();
    // Served apart from the extension's back-office origins: no launcher docked over the app.
    expect(await web.$('tally-launcher')).toBeNull();
    await chooseRestoreFile(web, extensionZip);
    expect(await previewMadeBy(web)).toContain(`by Tally ${VERSION}.`);
    const contacts = backedUp.contacts!.length;
    expect((await previewRow(web, 'Contacts')).join('|')).toBe(`Contacts|${contacts}|${contacts}|0|0|0`);
    await web.locator('::-p-aria(Restore into empty profile)').click();
    await web.locator('::-p-aria(Confirm restore)').click();
    await web.waitForSelector(`${SECTION} [role=status] ::-p-text(rows written)`);
    await web.waitForSelector('::-p-text(Grace Hopper)');
    expect(await dumpTallyDatabase(web)).toEqual(backedUp);

    // Settings: the hold period written in the extension.
    const hold = await web.waitForSelector('::-p-aria(Hold period \\(days\\))');
    expect(await hold!.evaluate((input) => (input as HTMLInputElement).value)).toBe('3');

    // A contact and the purchases recorded for her.
    await web.locator('tbody ::-p-aria([name="Ada Lovelace"][role="link"])').click();
    await web.waitForSelector('h1::-p-text(Ada Lovelace)');
    const history = await web.waitForSelector('section[aria-labelledby=history-heading]');
    expect(await history!.evaluate((section) => section.textContent)).toMatch(/2 × Hand Cream/);

    // The buy-back, its photo byte for byte.
    await web.goto(`${webOrigin}/`);
    await web.locator('a[href^="#buy-back="]').click();
    await web.waitForSelector('h1::-p-text(Buy-back BB-)');
    await web.waitForSelector('img[alt="id-photo.png"]');
    await web.locator('::-p-aria(Download id-photo.png)').click();
    const photo = await waitForDownload(tally.downloadDir, /^id-photo\.png$/);
    expect(sha256(await readFile(photo))).toBe(sha256(PNG));
    await web.close();
  });

  it('merges a backup made in the web app into the extension: the new contact arrives, nothing is lost', async () => {
    const web = await openWebDashboard();
    await web.locator('::-p-aria(Add contact)').click();
    await web.locator('::-p-aria([name="Name"][role="textbox"])').fill('Katherine Johnson');
    await web.locator('::-p-aria([name="Email"][role="textbox"])').fill('katherine@nasa.example');
    await web.locator('::-p-aria(Save contact)').click();
    await web.waitForSelector('::-p-text(Added Katherine Johnson.)');
    const webZip = await backUp(web, tally, dir, 'from-web.zip');
    const inWeb = await dumpTallyDatabase(web);
    await web.close();

    const extension = await openDashboard(tally);
    const before = await dumpTallyDatabase(extension);
    await chooseRestoreFile(extension, webZip);
    expect(await previewMadeBy(extension)).toContain(`by Tally ${VERSION}.`);
    const contacts = inWeb.contacts!.length;
    expect((await previewRow(extension, 'Contacts')).join('|')).toBe(
      `Contacts|${contacts}|1|${contacts - 1}|0|0`,
    );
    await extension.locator('::-p-aria(Merge)').click();
    await extension.locator('::-p-aria(Confirm restore)').click();
    await extension.waitForSelector(`${SECTION} [role=status] ::-p-text(rows written)`);
    await extension.waitForSelector('tbody ::-p-aria([name="Katherine Johnson"][role="link"])');

    const after = await dumpTallyDatabase(extension);
    const katherine = after.contacts!.filter((row) => row.includes('"Katherine Johnson"'));
    expect(katherine).toHaveLength(1);
    expect(inWeb.contacts).toContain(katherine[0]);
    for (const [table, rows] of Object.entries(before)) {
      expect({ table, lost: rows.filter((row) => !after[table]!.includes(row)) }).toEqual({
        table,
        lost: [],
      });
    }
  });
});
