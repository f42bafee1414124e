import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Target } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidebarFrame, type TallyBrowser } from '../support/chromium';
import { launcherStatus, waitForLauncherStatus } from '../support/launcher';

const RELOAD_LINE = 'Tally was updated — reload this page to use the new version.';

/**
 * An update (here: a reload, as the browser does when it installs a new version) leaves the old
 * content script in every open back-office tab without its extension. Its launcher must say to
 * reload the page, not throw.
 */
describe('after Tally is updated, open back-office tabs', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  const uncaught: string[] = [];

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    page.on('pageerror', (error) => uncaught.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') uncaught.push(message.text());
    });
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  const isWorker = (target: Target) =>
    target.type() === 'service_worker' && target.url().startsWith(tally.extensionOrigin);

  /**
   * Reloads Tally as an update does. Chromium disables a reloaded unpacked extension as an
   * "unsupported developer extension" unless developer mode is on: turn it on first, as a
   * developer reloading from chrome://extensions has it.
   */
  async function reloadExtension(): Promise<void> {
    const extensions = await tally.browser.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(async () => {
      const developer = (
        globalThis as unknown as {
          chrome: {
            developerPrivate: {
              updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
            };
          };
        }
      ).chrome.developerPrivate;
      await developer.updateProfileConfiguration({ inDeveloperMode: true });
    });
    await extensions.close();
    const old = tally.browser.targets().find(isWorker);
    if (!old) throw new Error('No Tally worker to reload');
    const worker = await old.worker();
    const fresh = tally.browser.waitForTarget((target) => isWorker(target) && target !== old, {
      timeout: 20_000,
    });
    // The worker ends with the reload, so the evaluation may never answer.
    void worker
      ?.evaluate(() => {
        (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
      })
      .catch(() => undefined);
    await fresh;
  }

  it('say to reload the page when Open Tally or Capture contact is clicked, with no uncaught error', async () => {
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    await page.waitForSelector('::-p-aria(Open Tally)');
    expect(await launcherStatus(page)).toBe('');

    await reloadExtension();

    await page.locator('::-p-aria(Open Tally)').click();
    expect(await waitForLauncherStatus(page, /reload/)).toBe(RELOAD_LINE);
    // Nothing was framed: the old script opens no sidebar it cannot talk to.
    expect(page.frames().some((frame) => frame.url().startsWith(tally.extensionOrigin))).toBe(false);

    await page.locator('::-p-aria(Capture contact)').click();
    await new Promise((settle) => setTimeout(settle, 300));
    expect(await launcherStatus(page)).toBe(RELOAD_LINE);
    expect(uncaught).toEqual([]);
  });

  it('work again once reloaded: the new version opens its sidebar', async () => {
    await page.reload();
    await page.locator('::-p-aria(Open Tally)').click();
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.waitForSelector('::-p-aria(Capture contact)');
    expect(await launcherStatus(page)).toBe('');
    expect(uncaught).toEqual([]);
  });
});
