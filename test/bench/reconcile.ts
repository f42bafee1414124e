import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'puppeteer';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { percentile, printFigures, type Figure } from './figures';
import { bundlePageScript } from './page-bundle';

/**
 * Reconciling a back office's order export, in real Chromium with the built extension, in a
 * browser profile of its own: about 10,000 recorded lines and their 2,000 contacts (the engine's
 * generated scenario, see reconcile-data.ts) are seeded into Tally's database, then a Northwind
 * export of 100,000 rows is
 *  - parsed bare with papaparse, and read + grouped + matched as the job does it (its chunks of
 *    rows, groupOrders, reconcileExport), in the dashboard page, alternately, PARSE_RUNS times
 *    (parseAndMatchTimes);
 *  - reconciled end to end as the user's drop does it: the page writes the job and its file
 *    (startReconcileJob), sends 'reconcile.run', and the worker reads, matches and stores the
 *    results; timed from the start to the job stored done;
 * and a 1,000,000-row export end to end, with the worker's peak JavaScript heap sampled through
 * the DevTools protocol (Runtime.getHeapUsage) while it runs.
 */
/** About 10,000 recorded lines (the scenario gives 1–5 lines an order), for 2,000 contacts. */
const RECORDED_ORDERS = 3_340;
const CONTACTS = 2_000;
const ROWS = 100_000;
const BIG_ROWS = 1_000_000;
// TALLY_BENCH_SKIP_BIG=1 leaves the 1,000,000-row job out (minutes), to iterate on the rest.
const SKIP_BIG = process.env.TALLY_BENCH_SKIP_BIG === '1';
const RUNS = 3;
/** Bare parses and parse + match runs, alternately: their medians are compared. */
const PARSE_RUNS = 7;

interface JobStarted {
  jobId: string;
  readMs: number;
}
interface JobPoll {
  state: string;
  at: number;
  error?: string;
  counts?: Record<string, number>;
}

type BenchWindow = typeof globalThis & {
  reconcileBench: {
    seed(
      recordedOrders: number,
      contacts: number,
    ): Promise<{ contacts: number; purchases: number; lines: number }>;
    prepareParseAndMatch(rows: number): Promise<void>;
    bareParse(): { bareMs: number };
    parseAndMatch(): { parseMatchMs: number; orders: number };
    startJob(rows: number): Promise<JobStarted & { startedAt: number }>;
    poll(jobId: string): Promise<JobPoll>;
    forgetRuns(): Promise<void>;
  };
};

const PAGE_SCRIPT = `
import 'bench:zod-jitless';
import Papa from 'papaparse';
import { openDatabase } from './src/db/database';
import { CHUNK_ROWS } from './src/db/reconcile-job';
import { loadReconcileInput } from './src/db/reconcile-input';
import { readReconcileJob, readReconcileRun } from './src/db/reconcile-read';
import { readReconcileFile, startReconcileJob } from './src/db/reconcile-start';
import { firstOrderRow, groupOrders, readOrderRows, recogniseOrderExport } from './src/csv/order-export';
import { DEFAULT_RECONCILE_OPTIONS } from './src/domain/reconcile';
import { reconcileExport } from './src/reconcile/reconcile-export';
import { reconcileBenchData } from './test/bench/reconcile-data';

let data;
let parsing;
const texts = new Map();
const exportText = (rows) => {
  if (!texts.has(rows)) texts.set(rows, data.exportCsv(rows));
  return texts.get(rows);
};

function readAll(text, layout) {
  const rows = [];
  let at = firstOrderRow(text, layout);
  for (;;) {
    const read = readOrderRows(text, layout, at, CHUNK_ROWS);
    for (const row of read.rows) rows.push(row);
    at = read.next;
    if (read.done) return rows;
  }
}

globalThis.reconcileBench = {
  async seed(recordedOrders, contacts) {
    data = reconcileBenchData(recordedOrders, contacts);
    const db = openDatabase();
    await db.contacts.bulkAdd(data.contacts);
    await db.purchases.bulkAdd(data.purchases);
    return { contacts: await db.contacts.count(), purchases: await db.purchases.count(), lines: data.recordedLines };
  },
  // What the job reads from the database before matching is not part of parse + match: it is
  // read here, untimed. The orders it was read for are dropped, so that the timed part holds
  // one copy of the export's orders, as the job does.
  async prepareParseAndMatch(rows) {
    const text = exportText(rows);
    const recognised = recogniseOrderExport(text, []);
    if (recognised.kind !== 'known') throw new Error('The bench export was not recognised.');
    const layout = recognised.layout;
    const orders = groupOrders(readAll(text, layout)).orders;
    const input = await loadReconcileInput(openDatabase(), orders, {
      backOffice: layout.backOffice,
      options: DEFAULT_RECONCILE_OPTIONS,
      defaultCountry: 'US',
    });
    parsing = { rows, text, layout, input: { ...input, exportOrders: [] } };
  },
  bareParse() {
    const start = performance.now();
    const bare = Papa.parse(parsing.text);
    const bareMs = performance.now() - start;
    if (bare.data.length < parsing.rows) throw new Error('papaparse read ' + bare.data.length + ' rows');
    return { bareMs };
  },
  parseAndMatch() {
    const { text, layout, input } = parsing;
    const start = performance.now();
    const rows = readAll(text, layout);
    const grouped = groupOrders(rows);
    const result = reconcileExport({ ...input, exportOrders: grouped.orders });
    const parseMatchMs = performance.now() - start;
    // The job keeps the rows it read (its chunks) while it matches: so are they kept here, and
    // the collector marks them in the timed part as it does in the job.
    if (rows.length < parsing.rows) throw new Error('The reader read ' + rows.length + ' rows');
    if (result.recorded.length === 0) throw new Error('Nothing matched.');
    return { parseMatchMs, orders: grouped.orders.length };
  },
  async startJob(rows) {
    const db = openDatabase();
    const bytes = new TextEncoder().encode(exportText(rows));
    let start = performance.now();
    const read = await readReconcileFile(db, bytes, 'northwind-orders-' + rows + '.csv');
    const readMs = performance.now() - start;
    if (!read.ok) throw new Error('The bench export was not recognised.');
    const startedAt = performance.now();
    const started = await startReconcileJob(db, {
      fileName: 'northwind-orders-' + rows + '.csv',
      bytes,
      hash: read.hash,
      layout: read.layout,
      options: DEFAULT_RECONCILE_OPTIONS,
      defaultCountry: 'US',
    });
    if (!('jobId' in started)) throw new Error('The bench export had been reconciled already.');
    const reply = await chrome.runtime.sendMessage({ type: 'reconcile.run', request: { jobId: started.jobId } });
    if (!reply || !reply.ok) throw new Error('reconcile.run: ' + (reply && reply.error));
    return { jobId: started.jobId, readMs, startedAt };
  },
  async poll(jobId) {
    const db = openDatabase();
    const job = await readReconcileJob(db, jobId);
    const at = performance.now();
    if (!job) return { state: 'gone', at };
    if (job.state !== 'done') return { state: job.state, at, error: job.error };
    const run = await readReconcileRun(db, job.runId);
    return { state: job.state, at, counts: run ? run.counts : undefined };
  },
  async forgetRuns() {
    const db = openDatabase();
    await db.transaction('rw', db.reconcileRuns, db.reconcileStatuses, db.reconcileJobs, async () => {
      await db.reconcileRuns.clear();
      await db.reconcileStatuses.clear();
      await db.reconcileJobs.clear();
    });
  },
};
`;

/** The page's bench functions (PAGE_SCRIPT), called through page.evaluate. */
function benchIn(page: Page) {
  return {
    seed: (orders: number, contacts: number) =>
      page.evaluate((n, c) => (globalThis as BenchWindow).reconcileBench.seed(n, c), orders, contacts),
    prepareParseAndMatch: (rows: number) =>
      page.evaluate((n) => (globalThis as BenchWindow).reconcileBench.prepareParseAndMatch(n), rows),
    bareParse: () => page.evaluate(() => (globalThis as BenchWindow).reconcileBench.bareParse()),
    parseAndMatch: () => page.evaluate(() => (globalThis as BenchWindow).reconcileBench.parseAndMatch()),
    startJob: (rows: number) =>
      page.evaluate((n) => (globalThis as BenchWindow).reconcileBench.startJob(n), rows),
    poll: (jobId: string) =>
      page.evaluate((id) => (globalThis as BenchWindow).reconcileBench.poll(id), jobId),
    forgetRuns: () => page.evaluate(() => (globalThis as BenchWindow).reconcileBench.forgetRuns()),
  };
}

/**
 * A bare papaparse parse and the job's parse + match of the same file in the same page,
 * alternately, `runs` times each. Before each timed part the page's garbage is collected
 * (through the DevTools protocol), so neither pays for collecting what the other left: without
 * it, which of the two a collection of the other's 100,000 rows falls in decides the figures
 * more than either's own work. What each part allocates is still collected in its own time.
 */
async function parseAndMatchTimes(
  page: Page,
  runs: number,
): Promise<{ bare: number[]; parseMatch: number[] }> {
  const api = benchIn(page);
  await api.prepareParseAndMatch(ROWS);
  const session = await page.createCDPSession();
  const bare: number[] = [];
  const parseMatch: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      await session.send('HeapProfiler.collectGarbage');
      bare.push((await api.bareParse()).bareMs);
      await session.send('HeapProfiler.collectGarbage');
      parseMatch.push((await api.parseAndMatch()).parseMatchMs);
    }
  } finally {
    await session.detach();
  }
  return { bare, parseMatch };
}

/** Runs a job end to end and times it from its start to its result stored; samples `heap` meanwhile. */
async function wholeJob(
  page: Page,
  rows: number,
  heap?: CDPSession,
): Promise<{
  jobMs: number;
  stages: { readingMs: number; matchingMs: number };
  readMs: number;
  peakHeapMb: number;
  counts?: Record<string, number>;
}> {
  const api = benchIn(page);
  await api.forgetRuns();
  const started = await api.startJob(rows);
  let peak = 0;
  // When each state was first seen: how the job's time splits between reading and the rest.
  const seen: Record<string, number> = {};
  for (;;) {
    if (heap) {
      const usage = (await heap.send('Runtime.getHeapUsage')) as { usedSize: number };
      peak = Math.max(peak, usage.usedSize);
    }
    const polled = await api.poll(started.jobId);
    seen[polled.state] ??= polled.at - started.startedAt;
    if (polled.state === 'done') {
      const doneAt = polled.at - started.startedAt;
      // Matching and saving are one step (one transaction): no 'saving' state is seen between them.
      const matchingAt = seen.matching ?? seen.saving ?? doneAt;
      return {
        jobMs: doneAt,
        stages: { readingMs: matchingAt, matchingMs: doneAt - matchingAt },
        readMs: started.readMs,
        peakHeapMb: peak / 2 ** 20,
        ...(polled.counts ? { counts: polled.counts } : {}),
      };
    }
    if (polled.state === 'failed' || polled.state === 'gone' || polled.state === 'cancelled') {
      throw new Error(`The ${rows}-row job ended ${polled.state}: ${polled.error ?? ''}`);
    }
    await new Promise((settle) => setTimeout(settle, heap ? 100 : 10));
  }
}

/** How a job's time splits: reading rows (10,000 a transaction), then matching and saving. */
function stageFigures(label: string, stages: { readingMs: number; matchingMs: number }): Figure[] {
  return [
    { name: `${label} reading rows`, value: stages.readingMs, unit: 'ms', budget: null },
    { name: `${label} matching and saving results`, value: stages.matchingMs, unit: 'ms', budget: null },
  ];
}

export async function reconcileFigures(): Promise<Figure[]> {
  const tally = await launchWithTally({ headless: true });
  try {
    return await measure(tally);
  } finally {
    await tally.close();
  }
}

async function measure(tally: TallyBrowser): Promise<Figure[]> {
  const script = await bundlePageScript(PAGE_SCRIPT, 'reconcile-bench.ts');
  const page = await tally.browser.newPage();
  // Generating and reading a 1,000,000-row file takes a while.
  page.setDefaultTimeout(600_000);
  await page.goto(`${tally.extensionOrigin}/dashboard.html`);
  await page.waitForSelector('::-p-aria(Import contacts)');
  await page.evaluate(script);
  const api = benchIn(page);
  const seeded = await api.seed(RECORDED_ORDERS, CONTACTS);
  const recorded = `${seeded.lines.toLocaleString('en')} recorded lines`;

  const { bare, parseMatch } = await parseAndMatchTimes(page, PARSE_RUNS);
  const jobs: Awaited<ReturnType<typeof wholeJob>>[] = [];
  for (let run = 0; run < RUNS; run += 1) jobs.push(await wholeJob(page, ROWS));
  jobs.sort((a, b) => a.jobMs - b.jobMs);
  const median = jobs[Math.floor(jobs.length / 2)] as (typeof jobs)[number];
  const counts = median.counts;

  const bigFigures = SKIP_BIG ? [] : await bigJobFigures(tally, page, recorded);
  await page.close();

  const label = `reconcile ${ROWS.toLocaleString('en')} export rows vs ${recorded}`;
  const found = counts
    ? Object.entries(counts)
        .map(([outcome, count]) => `${count} ${outcome}`)
        .join(', ')
    : '';
  const first = `first of ${PARSE_RUNS}, the JIT still cold`;
  return [
    {
      name: `${label}: bare papaparse parse (median of ${PARSE_RUNS})`,
      value: percentile(bare, 0.5),
      unit: 'ms',
      budget: null,
    },
    {
      name: `${label}: parse + match, job's reader in its chunks + groupOrders + reconcileExport (median of ${PARSE_RUNS})`,
      value: percentile(parseMatch, 0.5),
      unit: 'ms',
      budget: null,
    },
    {
      name: `${label}: parse + match ÷ bare papaparse, same page (ratio of the medians)`,
      value: percentile(parseMatch, 0.5) / percentile(bare, 0.5),
      unit: '×',
      budget: 2,
    },
    { name: `${label}: bare papaparse parse (${first})`, value: bare[0] ?? NaN, unit: 'ms', budget: null },
    {
      name: `${label}: parse + match (${first})`,
      value: parseMatch[0] ?? NaN,
      unit: 'ms',
      budget: null,
    },
    {
      name: `${label}: whole job through the worker, results stored (median; ${found})`,
      value: median.jobMs,
      unit: 'ms',
      budget: 2000,
    },
    ...stageFigures(`${label}: that job's`, median.stages),
    {
      name: `${label}: reading the dropped file first (hash, recognise; median)`,
      value: percentile(
        jobs.map((job) => job.readMs),
        0.5,
      ),
      unit: 'ms',
      budget: null,
    },
    ...bigFigures,
  ];
}

/** The 1,000,000-row export end to end, with the worker's peak heap sampled meanwhile. */
async function bigJobFigures(tally: TallyBrowser, page: Page, recorded: string): Promise<Figure[]> {
  const workerTarget = await tally.browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith(tally.extensionOrigin),
  );
  const heap = await workerTarget.createCDPSession();
  const idleHeap = ((await heap.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20;
  const big = await wholeJob(page, BIG_ROWS, heap);
  await heap.detach();
  return [
    {
      name: `reconcile ${BIG_ROWS.toLocaleString('en')} export rows vs ${recorded}: whole job through the worker`,
      value: big.jobMs,
      unit: 'ms',
      budget: null,
    },
    ...stageFigures(`reconcile ${BIG_ROWS.toLocaleString('en')} export rows:`, big.stages),
    {
      name: `reconcile ${BIG_ROWS.toLocaleString('en')} export rows: worker's peak JS heap (sampled every 100 ms; ${Math.round(idleHeap)} MB before)`,
      value: big.peakHeapMb,
      unit: 'MB',
      budget: null,
    },
  ];
}

// `npx tsx test/bench/reconcile.ts` measures reconciling alone, against the extension already built.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printFigures(await reconcileFigures());
}
