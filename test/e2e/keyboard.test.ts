import type { Frame, Page, SerializedAXNode } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidebarFrame, type TallyBrowser } from '../support/chromium';
import { downloadCatalogCsv, importCatalog, openDashboard } from '../support/tour';
import { tabTo, tabToElement, timelineView, typeOver, waitForStatus } from '../support/timeline';

/**
 * The main flows with the keyboard alone — Tab, Shift+Tab, Enter, arrows, Escape; no mouse and no
 * element.click(): open Tally from the launcher, capture, record a purchase and see it on the
 * timeline; in the dashboard, reach every section through its navigation, open and close the
 * export dialog, open a contact. Whatever has the focus shows it, and the focus is never held
 * anywhere but in a modal dialog.
 */

/** The element of the page's accessibility tree that has the focus (it sees into closed shadow roots). */
function focusedNode(node: SerializedAXNode | null): SerializedAXNode | undefined {
  if (!node) return undefined;
  if (node.focused) return node;
  for (const child of node.children ?? []) {
    const found = focusedNode(child);
    if (found) return found;
  }
  return undefined;
}

async function focusedName(page: Page): Promise<string> {
  return focusedNode(await page.accessibility.snapshot())?.name ?? '';
}

/** Tab, or Shift+Tab when going `back`. */
async function tab(page: Page, back = false): Promise<void> {
  if (back) await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  if (back) await page.keyboard.up('Shift');
}

/** Tabs (back with Shift) until the focused element (anywhere in the page's tree) is named `name`. */
async function tabUntilFocused(
  page: Page,
  direction: 'forward' | 'back',
  name: string,
  limit = 60,
): Promise<void> {
  const key = direction === 'back' ? 'Shift+Tab' : 'Tab';
  for (let press = 0; press < limit; press += 1) {
    if ((await focusedName(page)) === name) return;
    await tab(page, direction === 'back');
  }
  throw new Error(`${key} never reached "${name}" (last: "${await focusedName(page)}")`);
}

/** Whether the focused element of `frame` shows the focus (its :focus-visible outline). */
async function focusShown(frame: Frame): Promise<{ element: string; visible: boolean }> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { element: 'body', visible: false };
    const style = getComputedStyle(element);
    return {
      element: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
      visible:
        element.matches(':focus-visible') &&
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0,
    };
  });
}

async function expectFocusShown(frame: Frame): Promise<void> {
  const shown = await focusShown(frame);
  expect(shown, `the focus on ${shown.element} is not shown`).toMatchObject({ visible: true });
}

describe('keyboard only', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;
  let frame: Frame;
  let dashboard: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    dashboard = await openDashboard(tally);
    expect(await importCatalog(dashboard, csv)).toMatch(/^Imported /);
    await dashboard.close();
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('opens Tally from the launcher and captures the contact', async () => {
    await page.bringToFront();
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    await page.waitForSelector('::-p-aria(Open Tally)');
    // The launcher comes last in the page: Shift+Tab from the top reaches it first.
    await tabUntilFocused(page, 'back', 'Open Tally');
    await page.keyboard.press('Enter');
    frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.waitForSelector('::-p-aria(Capture contact)');
    // The focus went to the sidebar with it: the next Tab goes into it.
    expect(await focusedName(page)).toBe('Tally sidebar');
    await tabTo(page, frame, 'Capture contact');
    await expectFocusShown(frame);
    await page.keyboard.press('Enter');
    await waitForStatus(frame, 'Captured: Ada Lovelace');
  });

  it('records a purchase: search, add, complete, change the quantity, confirm; it tops the timeline', async () => {
    await tabTo(page, frame, 'Record purchase');
    await expectFocusShown(frame);
    await page.keyboard.press('Enter');
    // The search takes the focus.
    await frame.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Search products',
    );
    await page.keyboard.type('mug');
    await frame.waitForSelector('[role=option][aria-selected=true]');
    await page.keyboard.press('ArrowDown');
    const second = await frame.$eval('[role=option][aria-selected=true]', (option) => option.id);
    expect(second).toBe('product-1');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('ul.cart li');
    const added = await frame.$eval('ul.cart li', (item) => item.textContent ?? '');
    expect(added).toMatch(/^1 × /);
    const product = added.replace(/^1 × /, '');

    await tabTo(page, frame, 'Complete record');
    await expectFocusShown(frame);
    await page.keyboard.press('Enter');
    await frame.waitForSelector('::-p-aria(Confirm order)');
    await tabToElement(page, frame, 'input[inputmode=numeric]');
    await expectFocusShown(frame);
    await typeOver(page, '3');
    await tabTo(page, frame, 'Confirm order');
    await expectFocusShown(frame);
    await page.keyboard.press('Enter');
    await waitForStatus(frame, 'Order recorded.');
    const [top] = await timelineView(frame);
    expect(top?.text).toContain(`3 × ${product}`);
  });

  it('leaves the sidebar with Tab (no trap), and Close Tally gives the focus back to Open Tally', async () => {
    // Tab on through the sidebar: the focus comes out of it at the end.
    let left = false;
    for (let press = 0; press < 80 && !left; press += 1) {
      await page.keyboard.press('Tab');
      left = !(await frame.evaluate(() => document.hasFocus()));
    }
    expect(left).toBe(true);
    // Back into it from the page, then Shift+Tab out through its top to the bar's Close Tally.
    await tabUntilFocused(page, 'back', 'Close Tally', 120);
    await page.keyboard.press('Enter');
    await page.waitForSelector('::-p-aria(Open Tally)');
    expect(await focusedName(page)).toBe('Open Tally');
  });

  it('reaches every dashboard section through its navigation, the focus on the section', async () => {
    dashboard = await openDashboard(tally);
    await dashboard.waitForSelector('nav[aria-label=Sections] a');
    const sections = await dashboard.$$eval('nav[aria-label=Sections] a', (links) =>
      links.map((link) => link.textContent ?? ''),
    );
    expect(sections).toEqual(
      expect.arrayContaining([
        'Contacts',
        'Recorded purchases',
        'Reports',
        'Catalog',
        'Back-office sites',
        'Backup',
      ]),
    );
    for (const [index, name] of sections.entries()) {
      // From the top of the page each time: the links come first (after a backup reminder), in order.
      await dashboard.reload();
      await dashboard.waitForSelector('nav[aria-label=Sections] a');
      await tabToElement(dashboard, dashboard.mainFrame(), 'nav[aria-label=Sections] a', 10);
      for (let press = 0; press < index; press += 1) await dashboard.keyboard.press('Tab');
      expect(await dashboard.evaluate(() => document.activeElement?.textContent)).toBe(name);
      await expectFocusShown(dashboard.mainFrame());
      await dashboard.keyboard.press('Enter');
      const focused = await dashboard.evaluate(() => {
        const element = document.activeElement;
        const box = element?.getBoundingClientRect();
        return {
          tag: element?.tagName,
          text: element?.textContent,
          inView: box !== undefined && box.top >= 0 && box.top < innerHeight,
        };
      });
      expect(focused).toEqual({ tag: 'H2', text: name, inView: true });
    }
  });

  it('opens the export dialog, holds the focus in it, and Escape closes it with the focus back on its button', async () => {
    await dashboard.reload();
    await dashboard.waitForSelector('nav[aria-label=Sections] a');
    await tabTo(dashboard, dashboard.mainFrame(), 'Recorded purchases');
    await dashboard.keyboard.press('Enter');
    await tabTo(dashboard, dashboard.mainFrame(), 'Export purchases');
    await expectFocusShown(dashboard.mainFrame());
    await dashboard.keyboard.press('Enter');
    await dashboard.waitForSelector('dialog[open]');
    // The focus is in the dialog, and Tab keeps it there.
    for (let press = 0; press < 30; press += 1) {
      const inDialog = await dashboard.evaluate(
        () =>
          document.activeElement?.closest('dialog[open]') !== null ||
          document.activeElement === document.body,
      );
      expect(inDialog).toBe(true);
      await dashboard.keyboard.press('Tab');
    }
    await dashboard.keyboard.press('Escape');
    await dashboard.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(await dashboard.evaluate(() => document.activeElement?.textContent)).toBe('Export purchases');
  });

  it('opens a contact from the contacts list', async () => {
    await dashboard.reload();
    await dashboard.waitForSelector('nav[aria-label=Sections] a');
    await tabTo(dashboard, dashboard.mainFrame(), 'Contacts');
    await dashboard.keyboard.press('Enter');
    await tabTo(dashboard, dashboard.mainFrame(), 'Ada Lovelace');
    await expectFocusShown(dashboard.mainFrame());
    await dashboard.keyboard.press('Enter');
    await dashboard.waitForSelector('h1::-p-text(Ada Lovelace)');
    // The contact screen goes on with the keyboard: its first stop is the way back.
    await dashboard.keyboard.press('Tab');
    await expectFocusShown(dashboard.mainFrame());
  });
});
