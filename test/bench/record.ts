import type { Frame } from 'puppeteer';
import { type TallyBrowser } from '../support/chromium';
import {
  captureContact,
  downloadCatalogCsv,
  importCatalog,
  openDashboard,
  openSidebar,
} from '../support/tour';
import { percentile, type Figure } from './figures';

const RUNS = 15;

/**
 * From the click on `Confirm order` to the new order drawn in the `Activity timeline` (the DOM
 * changed and the next frame began), with the demo's 1,000-product catalog: the rep's wait
 * between saying "done" and seeing it recorded.
 */
export async function confirmToTimeline(tally: TallyBrowser, demoUrl: string): Promise<Figure[]> {
  const page = await tally.browser.newPage();
  const csv = await downloadCatalogCsv(page, tally, demoUrl);
  const dashboard = await openDashboard(tally);
  await importCatalog(dashboard, csv);
  await dashboard.close();
  await page.goto(`${demoUrl}/rep/customers/C-00042`);
  const frame = await openSidebar(page, tally);
  await captureContact(frame);
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) samples.push(await timeOneOrder(frame, `NW-${1001 + run}`));
  await page.close();
  return [
    {
      name: 'click Confirm order → shown in the timeline (median)',
      value: percentile(samples, 0.5),
      unit: 'ms',
      budget: null,
    },
    {
      name: 'click Confirm order → shown in the timeline (p95)',
      value: percentile(samples, 0.95),
      unit: 'ms',
      budget: null,
    },
  ];
}

async function timeOneOrder(frame: Frame, sku: string): Promise<number> {
  await frame.locator('::-p-aria(Record purchase)').click();
  const search = await frame.waitForSelector('::-p-aria(Search products)');
  await search?.type(sku);
  await frame.waitForSelector('[role=option][aria-selected=true]');
  await search?.press('Enter');
  await frame.locator('::-p-aria(Complete record)').click();
  const confirm = await frame.waitForSelector('::-p-aria(Confirm order)');
  // Armed in the page: the click's own timestamp, and the first frame after the new entry. The
  // promise is wrapped in an object: a returned promise would be awaited before the click.
  const wanted = await frame.$eval(
    'fieldset legend',
    (element) => element.textContent?.split(' NW-')[0] ?? '',
  );
  const armed = await frame.evaluateHandle((name) => {
    const shown = new Promise<number>((resolve) => {
      let clickedAt = 0;
      document.addEventListener('click', (event) => (clickedAt = event.timeStamp), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        if (document.querySelector('ol.timeline > li')?.textContent?.includes(name)) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - clickedAt));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    return { shown };
  }, wanted);
  await confirm?.click();
  return armed.evaluate((handle) => handle.shown);
}
