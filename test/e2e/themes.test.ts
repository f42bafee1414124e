import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../demo/server';
import { emulateColorScheme, type ColorScheme } from '../support/axe';
import { launchWithTally, type TallyBrowser } from '../support/chromium';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
} from '../support/tour';

/**
 * Light and dark themes follow the system: with the system set to dark, the dashboard and the
 * sidebar docked in a back office draw light text on a dark background, and the other way round
 * otherwise. (axe's contrast check runs in both themes in accessibility.test.ts.)
 */

interface Rendered {
  /** Relative luminance (0 black … 1 white) of the page's background and of some text on it. */
  background: number;
  text: number;
  button: { background: number; text: number };
  field: { background: number; text: number };
}

/** What `target` draws, read from the computed styles a user sees. */
async function rendered(target: Page | Frame): Promise<Rendered> {
  const colours = await target.evaluate(() => {
    const style = (element: Element | null) => {
      if (!element) throw new Error('Nothing to read the colours of');
      const computed = getComputedStyle(element);
      return { background: computed.backgroundColor, text: computed.color };
    };
    const page = style(document.documentElement);
    return {
      background: page.background,
      text: style(document.querySelector('main')).text,
      button: style(document.querySelector('main button:not(:disabled):not(.secondary):not(.link)')),
      field: style(document.querySelector('main input:not([type=checkbox]):not([type=radio])')),
    };
  });
  const luminance = (colour: string) => {
    const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
      const value = channel / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return {
    background: luminance(colours.background),
    text: luminance(colours.text),
    button: { background: luminance(colours.button.background), text: luminance(colours.button.text) },
    field: { background: luminance(colours.field.background), text: luminance(colours.field.text) },
  };
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

async function expectTheme(target: Page | Frame, scheme: ColorScheme) {
  await emulateColorScheme(target, scheme);
  const seen = await rendered(target);
  if (scheme === 'dark') {
    expect(seen.background).toBeLessThan(0.05);
    expect(seen.text).toBeGreaterThan(0.5);
    expect(seen.field.background).toBeLessThan(0.1);
  } else {
    expect(seen.background).toBeGreaterThan(0.9);
    expect(seen.text).toBeLessThan(0.1);
    expect(seen.field.background).toBeGreaterThan(0.9);
  }
  // Readable in either: text, buttons and fields at WCAG AA.
  expect(contrast(seen.text, seen.background)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(seen.button.text, seen.button.background)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(seen.field.text, seen.field.background)).toBeGreaterThanOrEqual(4.5);
}

describe('themes follow the system: light and dark', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let dashboard: Page;
  let sidebar: Frame;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    const page = await tally.browser.newPage();
    const csv = await downloadCatalogCsv(page, tally, demo.url);
    dashboard = await openDashboard(tally);
    await importCatalog(dashboard, csv);
    await page.bringToFront();
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    sidebar = await openSidebar(page, tally);
    await captureContact(sidebar);
    // Recording, with a product added: a field (the search) and a button (Complete record) on screen.
    await sidebar.locator('::-p-aria(Record purchase)').click();
    const search = await sidebar.waitForSelector('::-p-aria(Search products)');
    await search?.type('mug');
    await sidebar.waitForSelector('[role=option][aria-selected=true]');
    await search?.press('Enter');
    await sidebar.waitForSelector('ul.cart li');
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('the dashboard is dark when the system is dark, light otherwise', async () => {
    await expectTheme(dashboard, 'dark');
    await expectTheme(dashboard, 'light');
  });

  it('the sidebar docked in a back office is dark when the system is dark, light otherwise', async () => {
    await expectTheme(sidebar, 'dark');
    await expectTheme(sidebar, 'light');
  });
});
