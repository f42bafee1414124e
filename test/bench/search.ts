import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'puppeteer';
import type { TallyBrowser } from '../support/chromium';
import { percentile, type Figure } from './figures';
import type { ColdAndWarm, SearchBench } from './search-page/main';

/**
 * Product search on a 50,000-product catalog in real Chromium: Tally's index against Fuse.js and
 * against Dexie's `startsWithIgnoreCase`, on the same catalog and the same keystrokes. The page
 * script (search-page/main.ts) is bundled here and served from 127.0.0.1, an http origin, so
 * that the page has IndexedDB; cross-origin isolation gives it a 5 µs clock instead of 100 µs.
 */

const CATALOG_SIZE = 50_000;
/** Fresh pages for Tally's cold start; its keystrokes are pooled from all of them. */
const TALLY_PAGES = 5;
/** What a rep types, one character at a time: words, accents, an exact SKU, typos, prefixes. */
const QUERIES = ['hand cream', 'crème', 'NW-12345', 'moisturiser', 'vanil', 'lavender soap', 'éclat serum'];
/** The catalog is in memory before the rep's first keystroke; the page settles meanwhile. */
const SETTLE_MS = 300;

type BenchWindow = typeof globalThis & { searchBench: SearchBench };

export async function searchFigures(tally: TallyBrowser): Promise<Figure[]> {
  const server = await serveBenchPage();
  try {
    const tallyRuns: ColdAndWarm[] = [];
    for (let run = 0; run < TALLY_PAGES; run += 1) {
      tallyRuns.push(await inFreshPage(tally, server.url, 'tally'));
    }
    const fuseRun = await inFreshPage(tally, server.url, 'fuse');
    const dexieRun = await inFreshPage(tally, server.url, 'dexie');
    const loads: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const load = await inFreshPage(tally, server.url, 'loadAll');
      if (load.count !== CATALOG_SIZE) throw new Error(`Loaded ${load.count} products, not ${CATALOG_SIZE}.`);
      loads.push(load.ms);
    }

    const tallyKeystrokes = tallyRuns.flatMap((run) => run.keystrokes);
    const tallyP95 = percentile(tallyKeystrokes, 0.95);
    const fuseP95 = percentile(fuseRun.keystrokes, 0.95);
    const label = 'search, 50,000 products';
    return [
      {
        name: `${label}: Tally cold, index + first keystroke (median of ${TALLY_PAGES} pages)`,
        value: percentile(
          tallyRuns.map((run) => run.cold),
          0.5,
        ),
        unit: 'ms',
        budget: 100,
      },
      {
        name: `${label}: Tally per keystroke (median)`,
        value: percentile(tallyKeystrokes, 0.5),
        unit: 'ms',
        budget: null,
      },
      { name: `${label}: Tally per keystroke (p95)`, value: tallyP95, unit: 'ms', budget: 16 },
      {
        name: `${label}: Fuse.js cold, index + first keystroke`,
        value: fuseRun.cold,
        unit: 'ms',
        budget: null,
      },
      ...keystrokeFigures(`${label}: Fuse.js`, fuseRun.keystrokes),
      {
        name: `${label}: Dexie startsWithIgnoreCase cold, open + first keystroke`,
        value: dexieRun.cold,
        unit: 'ms',
        budget: null,
      },
      ...keystrokeFigures(`${label}: Dexie startsWithIgnoreCase`, dexieRun.keystrokes),
      {
        name: `load ${CATALOG_SIZE.toLocaleString('en')} products from IndexedDB (Dexie toArray, median)`,
        value: percentile(loads, 0.5),
        unit: 'ms',
        budget: null,
      },
      {
        name: `${label}: Fuse.js p95 / Tally p95`,
        // The page's clock ticks every 5 µs; a p95 below one tick is counted as one.
        value: fuseP95 / Math.max(tallyP95, 0.005),
        unit: '×',
        budget: 5,
        budgetKind: 'min',
      },
    ];
  } finally {
    await server.close();
  }
}

function keystrokeFigures(label: string, samples: readonly number[]): Figure[] {
  return [
    { name: `${label} per keystroke (median)`, value: percentile(samples, 0.5), unit: 'ms', budget: null },
    { name: `${label} per keystroke (p95)`, value: percentile(samples, 0.95), unit: 'ms', budget: null },
  ];
}

type Measure = 'tally' | 'fuse' | 'dexie' | 'loadAll';

/**
 * Opens the bench page in a new tab, makes the catalog in it, runs one measurement there and
 * closes the tab, so that each measurement starts from a page that has run no search code yet.
 */
async function inFreshPage<M extends Measure>(
  tally: TallyBrowser,
  url: string,
  measure: M,
): Promise<Awaited<ReturnType<SearchBench[M]>>> {
  const page: Page = await tally.browser.newPage();
  try {
    await page.goto(url);
    if (!(await page.evaluate(() => crossOriginIsolated))) {
      throw new Error('The search bench page is not cross-origin isolated: its clock would be coarse.');
    }
    // Functions given to page.evaluate run in the page: they reach the bench through its global.
    await page.evaluate(
      (size) => (globalThis as BenchWindow).searchBench.makeCatalog(size),
      measure === 'loadAll' ? 0 : CATALOG_SIZE,
    );
    await new Promise((settle) => setTimeout(settle, SETTLE_MS));
    const result = await page.evaluate(
      (name, queries) => (globalThis as BenchWindow).searchBench[name](queries),
      measure,
      QUERIES,
    );
    return result as Awaited<ReturnType<SearchBench[M]>>;
  } finally {
    await page.close();
  }
}

/** The bundled page script and its HTML on 127.0.0.1, on a port the system picks. */
async function serveBenchPage(): Promise<{ url: string; close(): Promise<void> }> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./search-page/main.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const script = bundled.outputFiles[0]?.text ?? '';
  const html = await readFile(new URL('./search-page/index.html', import.meta.url), 'utf8');
  const server = createServer((request, response) => {
    const body = request.url === '/bench.js' ? script : request.url === '/' ? html : undefined;
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': request.url === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    response.end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        // Chromium keeps its connections open; they would hold close() until they time out.
        server.closeAllConnections();
      }),
  };
}
