import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDemoServer } from '../demo/server';
import { EXTENSION_DIR, launchWithTally, sidebarFrame, type TallyBrowser } from '../support/chromium';
import { backupFigures } from './backup';
import { contactImportFigures } from './contact-import';
import { contactsListFigures } from './contacts-list';
import { exportPurchasesFigures } from './export-purchases';
import { percentile, printFigures, writeFigures, type Figure } from './figures';
import { receiptFigures } from './receipt';
import { reconcileFigures } from './reconcile';
import { confirmToTimeline } from './record';
import { searchFigures } from './search';
import { webAppFigures } from './web-app';

/**
 * `npm run bench`: figures measured in real Chromium with the built extension, printed beside
 * their budgets and written to bench-results.json. Never asserted: shared machines are noisy.
 */
const RUNS = 15;

async function contentScriptSize(): Promise<Figure[]> {
  const script = await readFile(join(EXTENSION_DIR, 'content-scripts/content.js'));
  return [
    { name: 'content script, raw', value: script.length / 1024, unit: 'KB', budget: null },
    {
      name: 'content script, gzip',
      value: gzipSync(script, { level: 9 }).length / 1024,
      unit: 'KB',
      budget: 10,
    },
  ];
}

/**
 * On one ≈5,000-element customer page: from the DOM being ready (domInteractive) to Tally
 * having detected the contact, which includes fetching the site's settings from the worker;
 * and the detection itself. Both read from the `tally:detection` measure the content script
 * leaves on the page's performance timeline.
 */
async function detectionTime(tally: TallyBrowser, label: string, url: string): Promise<Figure[]> {
  const readyToDetected: number[] = [];
  const detecting: number[] = [];
  let elements = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const page = await tally.browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('tally:detection').length > 0, {
      timeout: 10_000,
    });
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const detection = performance.getEntriesByName('tally:detection')[0] as PerformanceEntry;
      return {
        detectedAt: detection.startTime + detection.duration,
        duration: detection.duration,
        readyAt: navigation.domInteractive,
        elements: document.getElementsByTagName('*').length,
      };
    });
    readyToDetected.push(timing.detectedAt - timing.readyAt);
    detecting.push(timing.duration);
    elements = timing.elements;
    await page.close();
  }
  return [
    {
      name: `${label}: page ready → contact detected, ${elements} elements (median)`,
      value: percentile(readyToDetected, 0.5),
      unit: 'ms',
      budget: 20,
    },
    {
      name: `${label}: page ready → contact detected (p95)`,
      value: percentile(readyToDetected, 0.95),
      unit: 'ms',
      budget: 20,
    },
    {
      name: `${label}: detection itself (median)`,
      value: percentile(detecting, 0.5),
      unit: 'ms',
      budget: null,
    },
  ];
}

/**
 * From the click on `Open Tally` to the sidebar showing the customer with its buttons live
 * (the sidebar's own `tally:interactive` mark), on a fresh page each time: the first open,
 * which loads the sidebar, is the slow one.
 */
async function sidebarOpenTime(tally: TallyBrowser, customerUrl: string): Promise<Figure[]> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await tally.browser.newPage();
    await page.goto(customerUrl);
    const button = await page.waitForSelector('::-p-aria(Open Tally)');
    const clickedAt = Date.now();
    await button?.click();
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.waitForFunction(() => performance.getEntriesByName('tally:interactive').length > 0, {
      polling: 'mutation',
    });
    const interactiveAt = await frame.evaluate(() => {
      const mark = performance.getEntriesByName('tally:interactive')[0];
      return performance.timeOrigin + (mark?.startTime ?? Number.NaN);
    });
    samples.push(interactiveAt - clickedAt);
    await page.close();
  }
  return [
    {
      name: 'click Open Tally → sidebar interactive (median)',
      value: percentile(samples, 0.5),
      unit: 'ms',
      budget: 150,
    },
    {
      name: 'click Open Tally → sidebar interactive (p95)',
      value: percentile(samples, 0.95),
      unit: 'ms',
      budget: 150,
    },
  ];
}

async function main() {
  const demo = await startDemoServer({ port: 0 });
  const tally = await launchWithTally({ headless: true });
  try {
    const figures = [
      ...(await contentScriptSize()),
      // One ≈5,000-element customer page per back-office style (see test/demo/backoffices/bench.ts).
      ...(await detectionTime(tally, 'northwind (rep)', `${demo.url}/bench/customers/C-00042`)),
      ...(await detectionTime(tally, 'repair', `${demo.url}/bench/repair/customer?id=1042`)),
      ...(await detectionTime(tally, 'pos', `${demo.url}/bench/pos/contacts?contact=42`)),
      ...(await detectionTime(tally, 'generic guess', `${demo.url}/bench/generic/clients/1234`)),
      ...(await sidebarOpenTime(tally, `${demo.url}/rep/customers/C-00042`)),
      ...(await searchFigures(tally)),
      ...(await confirmToTimeline(tally, demo.url)),
      ...(await receiptFigures(tally)),
      ...(await contactImportFigures(tally)),
      ...(await exportPurchasesFigures(tally)),
      ...(await backupFigures(tally)),
      // In a browser profile of its own: 50,000 contacts would weigh on the figures above.
      ...(await contactsListFigures()),
      // Its own profile too: 10,000 recorded lines, and a 1,000,000-row file.
      ...(await reconcileFigures()),
      // The web app (npm run build:web): transfer and load times, fresh profiles of its own.
      ...(await webAppFigures()),
    ];
    printFigures(figures);
    await writeFigures('bench-results.json', figures);
    console.log('\nWrote bench-results.json');
  } finally {
    await tally.close();
    await demo.close();
  }
}

await main();
