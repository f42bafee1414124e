import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { captureFromLauncher } from '../support/launcher';

/**
 * Messages Tally must refuse, in real Chromium with the built extension: from the back office's
 * own scripts, from another extension installed beside Tally, and bulk work asked by Tally's
 * own content script. After each attempt, Tally's database is exactly as it was.
 */
const ATTACKER_DIR = resolve('test/fixtures/attacker-extension');
const JOB_ID = '6f1c1f3e-8a5b-4c1d-9e2f-3a4b5c6d7e8f';

/** Real message names with requests each would accept from its rightful sender. */
const MESSAGES = [
  { type: 'page.siteConfig', request: {} },
  { type: 'page.contactDetected', request: { detection: { status: 'none' } } },
  { type: 'page.capture', request: {} },
  { type: 'page.getContext', request: { tabId: 1 } },
  { type: 'teach.start', request: { tabId: 1 } },
  { type: 'sites.changed', request: { origin: 'http://127.0.0.1' } },
  { type: 'product.readPage', request: { tabId: 1 } },
  { type: 'reconcile.run', request: { jobId: JOB_ID } },
];

/** Every table of Tally's database with its row count, read in an extension page. */
async function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolveCounts, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const names = [...database.objectStoreNames];
          const counts: Record<string, number> = {};
          if (names.length === 0) {
            database.close();
            resolveCounts(counts);
            return;
          }
          const transaction = database.transaction(names);
          for (const name of names) {
            const request = transaction.objectStore(name).count();
            request.onsuccess = () => {
              counts[name] = request.result;
            };
          }
          transaction.oncomplete = () => {
            database.close();
            resolveCounts(counts);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

/** Every contact's name, sorted: what a forged capture or update would change. */
async function contactNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolveNames, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('contacts').objectStore('contacts').getAll();
          request.onsuccess = () => {
            resolveNames((request.result as { name: string }[]).map((contact) => contact.name).sort());
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** The id of Tally's content-script world in `page` (CDP's isolated execution context). */
async function contentScriptWorld(session: CDPSession, tallyId: string): Promise<number> {
  const contexts: number[] = [];
  session.on('Runtime.executionContextCreated', (event) => {
    const aux = event.context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated') contexts.push(event.context.id);
  });
  await session.send('Runtime.enable');
  for (const contextId of contexts) {
    const { result } = await session.send('Runtime.evaluate', {
      contextId,
      expression: 'globalThis.chrome?.runtime?.id ?? null',
      returnByValue: true,
    });
    if (result.value === tallyId) return contextId;
  }
  throw new Error('Tally’s content script world was not found in the page.');
}

describe('forged messages', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let dashboard: Page;
  let before: Record<string, number>;
  let namesBefore: string[];

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true, extraExtensions: [ATTACKER_DIR] });
    page = await tally.browser.newPage();
    // Something to lose: one captured customer.
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    await page.waitForSelector('::-p-aria(Capture contact)');
    expect(await captureFromLauncher(page)).toMatch(/^Captured/);
    dashboard = await extensionPage(tally);
    before = await tableCounts(dashboard);
    namesBefore = await contactNames(dashboard);
    expect(before['contacts']).toBe(1);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('the back office’s own scripts cannot reach Tally: no chrome.runtime in the page', async () => {
    const reach = await page.evaluate(async (tallyId) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let sent: string;
      try {
        await (
          runtime as unknown as { sendMessage(id: string, message: unknown): Promise<unknown> }
        ).sendMessage(tallyId, {
          type: 'reconcile.run',
          request: { jobId: '6f1c1f3e-8a5b-4c1d-9e2f-3a4b5c6d7e8f' },
        });
        sent = 'sent';
      } catch (error) {
        sent = `threw: ${(error as Error).name}`;
      }
      return { runtime: typeof runtime, sent };
    }, tally.extensionId);
    expect(reach).toEqual({ runtime: 'undefined', sent: 'threw: TypeError' });
    expect(await tableCounts(dashboard)).toEqual(before);
  });

  it('another extension gets no answer to any message, by sendMessage or by port', async () => {
    const target = await tally.browser.waitForTarget(
      (candidate) => candidate.type() === 'service_worker' && candidate.url().endsWith('/attacker.js'),
    );
    const attacker = await target.worker();
    expect(attacker).not.toBeNull();
    const results = (await attacker?.evaluate(
      (tallyId, messages) =>
        (self as unknown as { attack(id: string, m: unknown): Promise<unknown> }).attack(tallyId, messages),
      tally.extensionId,
      MESSAGES,
    )) as { type: string; via: string; answer?: unknown; error?: string }[];
    expect(results).toHaveLength(MESSAGES.length * 2);
    for (const result of results) {
      // Tally listens to no external message: the browser finds no receiving end.
      expect(result.answer, `${result.type} by ${result.via}`).toBeUndefined();
      expect(result.error, `${result.type} by ${result.via}`).toMatch(
        /Receiving end does not exist|disconnected/i,
      );
    }
    expect(await tableCounts(dashboard)).toEqual(before);
    expect(await contactNames(dashboard)).toEqual(namesBefore);
  });

  it('Tally’s content script cannot start bulk work nor act as one of Tally’s pages', async () => {
    const session = await page.createCDPSession();
    const world = await contentScriptWorld(session, tally.extensionId);
    const { result } = await session.send('Runtime.evaluate', {
      contextId: world,
      awaitPromise: true,
      returnByValue: true,
      expression: `Promise.all(${JSON.stringify(MESSAGES.filter((message) => message.type.startsWith('reconcile.') || ['page.getContext', 'teach.start', 'sites.changed', 'product.readPage'].includes(message.type)))}
        .map((message) => chrome.runtime.sendMessage(message).catch((error) => ({ threw: String(error) }))))`,
    });
    const replies = result.value as { ok: boolean; error?: string }[];
    expect(replies).toHaveLength(5);
    for (const reply of replies) {
      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(/is not accepted from this sender\.$/),
      });
    }
    // A malformed or forged request from the same world is refused too, and answered.
    const { result: forged } = await session.send('Runtime.evaluate', {
      contextId: world,
      awaitPromise: true,
      returnByValue: true,
      expression: `Promise.all([
        chrome.runtime.sendMessage({ type: 'page.capture', request: { name: 'Mallory' } }),
        chrome.runtime.sendMessage({ type: 'page.capture', request: {}, sender: { url: location.origin } }),
        chrome.runtime.sendMessage({ type: 'page.contactDetected', request: { detection: { status: 'found', snapshot: 'x'.repeat(100000) } } }),
        chrome.runtime.sendMessage({ type: 'contacts.deleteAll', request: {} }),
      ])`,
    });
    expect(forged.value).toEqual([
      { ok: false, error: 'page.capture: invalid request.' },
      { ok: false, error: 'Unknown message.' },
      { ok: false, error: 'page.contactDetected: invalid request.' },
      { ok: false, error: 'Unknown message.' },
    ]);
    await session.detach();
    expect(await tableCounts(dashboard)).toEqual(before);
    expect(await contactNames(dashboard)).toEqual(namesBefore);
  });
});

/** A Tally extension page (the dashboard's document), to read the database or make requests from. */
async function extensionPage(tally: TallyBrowser): Promise<Page> {
  const page = await tally.browser.newPage();
  await page.goto(`${tally.extensionOrigin}/dashboard.html`);
  return page;
}
