import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import type { StaticSite } from '../demo/static-site';
import { launchChromium } from '../support/chromium';
import { serveWebApp, WEB_DIR } from '../support/web-app';
import { percentile, printFigures, type Figure } from './figures';

/**
 * The web app (`npm run build:web`) served from 127.0.0.1 as a static host would: what a first
 * visit transfers, and how long its pages take to be usable, cold (a fresh profile: nothing
 * cached, no service worker) and cached (a later visit, served by the service worker with the
 * server stopped). DESIGN.md sets no budget for these; the sidebar's figures can be read beside
 * the extension's 150 ms "click → sidebar interactive", which starts from a click, not a page load.
 */
const RUNS = 9;

interface WebPage {
  label: string;
  path: string;
  /** The performance mark the page sets when its first screen is usable. */
  mark: string;
  ready: string;
}

const PAGES: WebPage[] = [
  // The contacts list and every section filled in (src/ui/app/dashboard-app.tsx).
  { label: 'web dashboard', path: '/', mark: 'tally:dashboard-ready', ready: 'dashboard ready' },
  // The no-customer card with its buttons live (src/ui/app/sidebar-app.tsx).
  {
    label: 'web sidebar page',
    path: '/sidebar.html',
    mark: 'tally:interactive',
    ready: 'sidebar interactive',
  },
];

/** Navigation start (the page's time origin) → `mark`, in ms. */
async function loadTime(page: Page, url: string, mark: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, { polling: 10 }, mark);
  return page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN, mark);
}

/** The file of the build an address of the site stands for. */
function fileOf(site: StaticSite, address: string): string | null {
  const url = new URL(address);
  if (url.origin !== site.url) return null;
  const path = decodeURIComponent(url.pathname);
  const file = join(WEB_DIR, path.endsWith('/') ? `${path}index.html` : path);
  // The browser asks for a favicon the app does not have.
  return existsSync(file) ? file : null;
}

async function gzipSize(files: Iterable<string>): Promise<number> {
  let total = 0;
  // zlib's default level, as web servers compress on the fly.
  for (const file of files) total += gzipSync(await readFile(file)).length;
  return total;
}

/**
 * A first visit to `page` with no service worker (none registers): the bytes the server sent
 * for the page and what its first screen loaded, and the same files gzipped.
 */
async function coldTransfer(browser: Browser, site: StaticSite, page: WebPage): Promise<Figure[]> {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.evaluateOnNewDocument(() => {
      // keepOffline() (web/offline.ts) registers nothing where there are no service workers.
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
    });
    const before = site.bytesSent();
    await tab.goto(`${site.url}${page.path}`, { waitUntil: 'networkidle0' });
    await tab.waitForFunction((name) => performance.getEntriesByName(name).length > 0, {}, page.mark);
    const sent = site.bytesSent() - before;
    const addresses = await tab.evaluate(() => [
      location.href,
      ...performance.getEntriesByType('resource').map((entry) => entry.name),
    ]);
    const files = new Set(addresses.map((address) => fileOf(site, address)).filter((file) => file !== null));
    return [
      { name: `${page.label}, cold load: served (${files.size} files)`, value: sent / 1024, unit: 'KB', budget: null },
      { name: `${page.label}, cold load: the same files gzipped`, value: (await gzipSize(files)) / 1024, unit: 'KB', budget: null },
    ]; // prettier-ignore
  } finally {
    await context.close();
  }
}

/** A first visit with the service worker: the page, then every file of the build it keeps. */
async function offlineCacheTransfer(browser: Browser, site: StaticSite): Promise<Figure[]> {
  const context = await browser.createBrowserContext();
  try {
    const before = site.bytesSent();
    await controlledVisit(context, site);
    const sent = site.bytesSent() - before;
    const code = await readFile(join(WEB_DIR, 'service-worker.js'), 'utf8');
    const list = /\{"version":"[0-9a-f]+","files":(\[[^\]]*\])\}/.exec(code)?.[1] ?? '[]';
    const files = (JSON.parse(list) as string[]).map((file) =>
      join(WEB_DIR, file === './' ? 'index.html' : file),
    );
    return [
      { name: 'web app, first visit with the offline cache filled: served', value: sent / 1024, unit: 'KB', budget: null },
      { name: 'web app, the whole build gzipped (what the offline cache holds)', value: (await gzipSize(files)) / 1024, unit: 'KB', budget: null },
    ]; // prettier-ignore
  } finally {
    await context.close();
  }
}

/** Opens the dashboard and waits until the service worker has kept the app and controls it. */
async function controlledVisit(context: BrowserContext, site: StaticSite): Promise<void> {
  const tab = await context.newPage();
  await tab.goto(`${site.url}/`);
  await tab.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
  await tab.close();
}

function timeFigures(name: string, samples: number[]): Figure[] {
  return [
    { name: `${name} (median)`, value: percentile(samples, 0.5), unit: 'ms', budget: null },
    { name: `${name} (p95)`, value: percentile(samples, 0.95), unit: 'ms', budget: null },
  ];
}

/** Each run in a fresh profile (a new browser context): nothing cached, no service worker. */
async function coldLoadTimes(browser: Browser, site: StaticSite, page: WebPage): Promise<Figure[]> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.createBrowserContext();
    try {
      samples.push(await loadTime(await context.newPage(), `${site.url}${page.path}`, page.mark));
    } finally {
      await context.close();
    }
  }
  return timeFigures(`${page.label}, cold: navigation → ${page.ready}`, samples);
}

/**
 * A profile that visited once (the service worker keeps the app), with the server stopped: every
 * file comes from the service worker's cache, or the page would not load at all.
 */
async function cachedLoadTimes(browser: Browser, site: StaticSite): Promise<Figure[]> {
  const context = await browser.createBrowserContext();
  try {
    await controlledVisit(context, site);
    await site.close();
    const figures: Figure[] = [];
    for (const page of PAGES) {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const tab = await context.newPage();
        samples.push(await loadTime(tab, `${site.url}${page.path}`, page.mark));
        await tab.close();
      }
      figures.push(
        ...timeFigures(`${page.label}, cached (server stopped): navigation → ${page.ready}`, samples),
      );
    }
    return figures;
  } finally {
    await context.close();
  }
}

/** The web app's figures, in a Chromium of its own. */
export async function webAppFigures(): Promise<Figure[]> {
  const chromium = await launchChromium({ headless: true });
  const site = await serveWebApp();
  try {
    const figures: Figure[] = [];
    for (const page of PAGES) figures.push(...(await coldTransfer(chromium.browser, site, page)));
    figures.push(...(await offlineCacheTransfer(chromium.browser, site)));
    for (const page of PAGES) figures.push(...(await coldLoadTimes(chromium.browser, site, page)));
    // Stops the server: last.
    figures.push(...(await cachedLoadTimes(chromium.browser, site)));
    return figures;
  } finally {
    await site.close().catch(() => undefined);
    await chromium.close();
  }
}

// `npx tsx test/bench/web-app.ts` (after `npm run build:web`): these figures alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printFigures(await webAppFigures());
}
