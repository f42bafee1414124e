import Dexie, { type EntityTable } from 'dexie';
import Fuse from 'fuse.js';
import type { Product } from '../../../src/domain/product';
import { createProductIndex } from '../../../src/domain/product-search';
import { benchCatalog } from './catalog';

/**
 * The search benchmark's page script, bundled by test/bench/search.ts and run in Chromium on an
 * http origin of its own (IndexedDB needs one). Each function runs in a fresh page and returns
 * raw timings in ms; the bench turns them into figures. Every engine gets the same catalog and
 * the same keystrokes: each query typed one character at a time, 20 results asked each time.
 */

export interface ColdAndWarm {
  /** From nothing (no index, or a database just opened) to the first keystroke's results. */
  cold: number;
  /** One entry per keystroke after that. */
  keystrokes: number[];
}

const LIMIT = 20;
let catalog: Product[] = [];

function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, at) => query.slice(0, at + 1)));
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function timedAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Made in the page so that nothing of its size crosses the DevTools protocol. */
function makeCatalog(size: number): number {
  catalog = benchCatalog(size);
  return catalog.length;
}

function tally(queries: readonly string[]): ColdAndWarm {
  const [first = '', ...rest] = keystrokes(queries);
  const start = performance.now();
  const index = createProductIndex(catalog);
  index.search(first, LIMIT);
  const cold = performance.now() - start;
  return { cold, keystrokes: rest.map((query) => timed(() => index.search(query, LIMIT))) };
}

/** Fuse.js as its documentation sets it up for objects: keys, default threshold (0.6). */
function fuse(queries: readonly string[]): ColdAndWarm {
  const [first = '', ...rest] = keystrokes(queries);
  const start = performance.now();
  const engine = new Fuse(catalog, { keys: ['name', 'sku', 'barcode'] });
  engine.search(first, { limit: LIMIT });
  const cold = performance.now() - start;
  return { cold, keystrokes: rest.map((query) => timed(() => engine.search(query, { limit: LIMIT }))) };
}

type BenchDatabase = Dexie & { products: EntityTable<Product, 'id'> };

function openDatabase(): BenchDatabase {
  const db = new Dexie('tally-search-bench') as BenchDatabase;
  db.version(1).stores({ products: 'id, name' });
  return db;
}

async function fillDatabase(): Promise<void> {
  // The fill is not measured; at about 70 µs a row it is most of this bench's run time.
  await Dexie.delete('tally-search-bench');
  const db = openDatabase();
  await db.products.bulkPut(catalog);
  db.close();
}

/**
 * Dexie's prefix search on an index of the name, the "prefix only" baseline: the whole name must
 * start with what was typed. Cold: a database object just opened, then the first keystroke.
 */
async function dexie(queries: readonly string[]): Promise<ColdAndWarm> {
  await fillDatabase();
  const [first = '', ...rest] = keystrokes(queries);
  const find = (db: BenchDatabase, prefix: string) =>
    db.products.where('name').startsWithIgnoreCase(prefix).limit(LIMIT).toArray();
  let db: BenchDatabase | undefined;
  const cold = await timedAsync(async () => {
    db = openDatabase();
    await db.open();
    await find(db, first);
  });
  const open = db as BenchDatabase;
  const times: number[] = [];
  for (const query of rest) times.push(await timedAsync(() => find(open, query)));
  open.close();
  return { cold, keystrokes: times };
}

/** What the sidebar waits for before its first search: every product out of IndexedDB. */
async function loadAll(): Promise<{ ms: number; count: number }> {
  const db = openDatabase();
  await db.open();
  let count = 0;
  const ms = await timedAsync(async () => {
    count = (await db.products.toArray()).length;
  });
  db.close();
  return { ms, count };
}

const bench = { makeCatalog, tally, fuse, dexie, loadAll };
export type SearchBench = typeof bench;
Object.assign(globalThis, { searchBench: bench });
