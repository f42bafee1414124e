import type { ElementHandle, Frame, Page } from 'puppeteer';

/** Driving the sidebar's review screen and `Activity timeline`, as a user sees them. */

/**
 * Presses Tab until the focused element's accessible name starts with `name`, as a keyboard
 * user moves through the sidebar; fails after `limit` presses rather than looping forever.
 */
export async function tabTo(page: Page, frame: Frame, name: string, limit = 40): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    const focused = await frame.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return '';
      const labelled = element.getAttribute('aria-label');
      const label = (element as HTMLInputElement).labels?.[0]?.textContent;
      return (labelled ?? label ?? element.textContent ?? '').trim();
    });
    if (focused.startsWith(name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Presses Tab until the focused element matches `selector` (when no accessible name tells it apart). */
export async function tabToElement(page: Page, frame: Frame, selector: string, limit = 40): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    if (await frame.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Replaces the focused field's text by typing, as a user selecting all and typing over it. */
export async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

export interface TimelineEntryView {
  text: string;
  /** The calendar day it sits on (the `<time datetime>`). */
  date: string;
}

/** The entries of the `Activity timeline`, top first. */
export async function timelineView(frame: Frame): Promise<TimelineEntryView[]> {
  await frame.waitForSelector('ol.timeline, section[aria-labelledby=timeline-heading] p.muted');
  return frame.$$eval('ol.timeline > li', (items) =>
    items.map((item) => ({
      text: item.textContent ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
    })),
  );
}

/** Waits until the timeline's top entry satisfies `pattern`. */
export async function waitForTopEntry(frame: Frame, pattern: RegExp): Promise<void> {
  await frame.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('ol.timeline > li')?.textContent ?? ''),
    { polling: 'mutation' },
    pattern.source,
  );
}

/** A button inside the timeline entry at `index` (0 = top), by its accessible name. */
export async function entryButton(frame: Frame, index: number, name: string): Promise<ElementHandle> {
  const entries = await frame.$$('ol.timeline > li');
  const entry = entries[index];
  if (!entry) throw new Error(`No timeline entry ${index}`);
  const button = await entry.$(`::-p-aria(${name})`);
  if (!button) throw new Error(`No "${name}" in timeline entry ${index}`);
  return button;
}

/** The sidebar's `role=status` text once it says `expected`. */
export async function waitForStatus(frame: Frame, expected: string | RegExp): Promise<string> {
  const source =
    typeof expected === 'string' ? `^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : expected.source;
  const handle = await frame.waitForFunction(
    (pattern) => {
      const texts = [...document.querySelectorAll('[role=status]')].map(
        (element) => element.textContent ?? '',
      );
      return texts.find((text) => new RegExp(pattern).test(text.trim())) ?? null;
    },
    { polling: 'mutation' },
    source,
  );
  return (await handle.jsonValue()) ?? '';
}

/** Every stored purchase record, read with raw IndexedDB in the sidebar (an extension page). */
export async function storedPurchases(frame: Frame): Promise<unknown[]> {
  return frame.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('tally');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('purchases').objectStore('purchases').getAll();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
