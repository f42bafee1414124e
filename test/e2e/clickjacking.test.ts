import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import { storedRows } from '../support/indexeddb';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
} from '../support/tour';

/**
 * Clickjacking: the back office owns the element that frames the sidebar. When it covers the
 * frame with a decoy that lets clicks through, makes it nearly transparent or hides it,
 * `Confirm order` and `Delete` in the sidebar are refused with a one-line reason and nothing is
 * recorded or deleted; uncovered, they work (src/ui/sidebar/visibility-guard.ts).
 */
const REFUSAL =
  'This page covers or hides Tally, so nothing was done. Make the sidebar fully visible and try again.';

/** What the page does to the sidebar's frame, from its own scripts (the main world). */
const ATTACKS = {
  'covers it with an opaque decoy that lets clicks through': () => {
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.textContent = 'Win a prize! Click here';
    decoy.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none;font-size:40px';
    // After the launcher's host in the document, so that it paints above it.
    document.documentElement.append(decoy);
  },
  'covers the lower half, where the buttons are, from the top layer': () => {
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.popover = 'manual';
    decoy.style.cssText =
      'position:fixed;inset:auto 0 0 auto;margin:0;border:0;width:400px;height:50%;background:#fff;pointer-events:none';
    document.body.append(decoy);
    decoy.showPopover();
  },
  'sets the frame’s host to opacity 0.1': () => {
    (document.querySelector('tally-launcher') as HTMLElement).style.opacity = '0.1';
  },
  'hides the frame’s host (visibility: hidden)': () => {
    (document.querySelector('tally-launcher') as HTMLElement).style.visibility = 'hidden';
  },
} as const;

function undoAttacks(): void {
  document.getElementById('decoy')?.remove();
  const host = document.querySelector('tally-launcher') as HTMLElement;
  host.style.opacity = '';
  host.style.visibility = '';
}

describe('clickjacking the framed sidebar', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    const dashboard = await openDashboard(tally);
    expect(await importCatalog(dashboard, csv)).toMatch(/1,?000 new/);
    await dashboard.close();
    await page.bringToFront();
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    frame = await openSidebar(page, tally);
    await frame.waitForSelector('[data-field=external-id]');
    expect(await captureContact(frame)).toMatch(/^Captured/);
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  const purchases = () => storedRows<{ id: string; deletedAt?: string }>(frame, 'purchases');
  const live = async () => (await purchases()).filter((purchase) => !purchase.deletedAt).length;
  /** Waits for the guard's verdict on the frame: covered or not. */
  const covered = (value: boolean) => frame.waitForSelector(`html[data-covered="${String(value)}"]`);

  async function reviewOrder(): Promise<void> {
    await frame.locator('::-p-aria(Record purchase)').click();
    const search = await frame.waitForSelector('::-p-aria(Search products)');
    await search?.type('NW-1001');
    await frame.waitForSelector('[role=option][aria-selected=true]');
    await search?.press('Enter');
    await frame.locator('::-p-aria(Complete record)').click();
    await frame.waitForSelector('::-p-aria(Confirm order)');
  }

  /**
   * A click on a button of the sidebar, found by its text: with the mouse where the page lets it
   * through, by script where the frame is hidden (hidden, it is out of the accessibility tree).
   */
  async function click(name: string): Promise<void> {
    const button = await frame.waitForFunction(
      (text) =>
        [...document.querySelectorAll('button')].find((element) => element.textContent?.trim() === text),
      {},
      name,
    );
    const hidden = await page.evaluate(
      () => getComputedStyle(document.querySelector('tally-launcher') as HTMLElement).visibility === 'hidden',
    );
    const element = button.asElement() as ElementHandle<HTMLButtonElement>;
    if (hidden) await element.evaluate((target) => target.click());
    else await element.click();
  }

  it('the sidebar counts as visible when the page leaves it alone', async () => {
    await covered(false);
  });

  for (const [attack, run] of Object.entries(ATTACKS)) {
    it(`refuses Confirm order when the page ${attack}, and nothing is recorded`, async () => {
      const before = await live();
      await reviewOrder();
      await page.evaluate(run);
      await covered(true);
      await click('Confirm order');
      const alert = await frame.waitForSelector(`[role=alert] ::-p-text(${REFUSAL.slice(0, 40)})`);
      expect(await alert?.evaluate((element) => element.textContent)).toBe(REFUSAL);
      expect(await live()).toBe(before);

      await page.evaluate(undoAttacks);
      await covered(false);
      await click('Confirm order');
      await frame.waitForFunction(
        () => document.querySelector('[role=status]')?.textContent === 'Order recorded.',
      );
      expect(await live()).toBe(before + 1);
    });
  }

  it('refuses Delete in the timeline while covered, and deletes once uncovered', async () => {
    const before = await live();
    expect(before).toBeGreaterThan(0);
    await page.evaluate(ATTACKS['covers it with an opaque decoy that lets clicks through']);
    await covered(true);
    await click('Delete');
    await frame.waitForSelector(`[role=alert] ::-p-text(${REFUSAL.slice(0, 40)})`);
    expect(await live()).toBe(before);

    await page.evaluate(undoAttacks);
    await covered(false);
    await click('Delete');
    // The timeline says it and offers to undo; the record is soft-deleted in the database.
    await frame.waitForSelector('[role=status] ::-p-text(deleted)');
    expect(await live()).toBe(before - 1);
  });
});
