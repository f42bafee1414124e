import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticSite } from '../demo/static-site';
import { startDemoServer, type DemoServer } from '../demo/server';
import { axeReport } from '../support/axe';
import { launchChromium, type LaunchedChromium } from '../support/chromium';
import { importCatalog, recordPurchase, timelineEntries } from '../support/tour';
import { serveWebApp } from '../support/web-app';

const GRACE = '/crm/clients/1234';
const HOSTILE = '/crm/clients/1207';
const HOSTILE_NAME = 'נועה כהן <script>alert(1)</script>';
const ADA = '/repair/customer?id=1042';

/**
 * Issue 9, "the embed on a demo back-office page following two customers; messages from a
 * non-allowed origin refused": the web app served on 127.0.0.1, the demo back offices embedding
 * it (embed.js) from another port of 127.0.0.1 (same site, so one storage for the dashboard and
 * the framed sidebar), a second copy of them on a third port that the user never allowed.
 */
describe('a back office embedding the web sidebar', () => {
  let chromium: LaunchedChromium;
  let site: StaticSite;
  let backOffice: DemoServer;
  let stranger: DemoServer;
  let dashboard: Page;
  let host: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    chromium = await launchChromium({ headless: true });
    site = await serveWebApp();
    backOffice = await startDemoServer({ embedTally: site.url });
    stranger = await startDemoServer({ embedTally: site.url });
    dashboard = await chromium.browser.newPage();
    await dashboard.goto(`${site.url}/`);
    host = await chromium.browser.newPage({ type: 'window' });
    // The host page owns its DOM: whatever embed.js keeps in a closed shadow root, a host that
    // wants it can keep a reference. This one does, so that its scripts can reach Tally's frame.
    await host.evaluateOnNewDocument(() => {
      const attach = Element.prototype.attachShadow;
      const roots: ShadowRoot[] = [];
      (window as unknown as { shadowRoots: ShadowRoot[] }).shadowRoots = roots;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        roots.push(root);
        return root;
      };
    });
    host.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    // The browser first: the demo server's close() waits for the connections it holds open.
    await chromium?.close();
    await backOffice?.close();
    await stranger?.close();
    await site?.close();
  });

  /** Tally's sidebar frame in `page`, once it has loaded. */
  async function tallyFrame(page: Page): Promise<Frame> {
    const handle = await page.waitForFrame((frame) => frame.url() === `${site.url}/sidebar.html`);
    await handle.waitForSelector('main');
    return handle;
  }

  async function allow(origin: string): Promise<void> {
    await dashboard.bringToFront();
    const field = await dashboard.waitForSelector('::-p-aria([name="Back-office address"][role="textbox"])');
    await field!.type(origin);
    await dashboard.click('::-p-aria([name="Allow"][role="button"])');
    await dashboard.waitForSelector(`::-p-aria([name="${origin}"][role="article"])`);
  }

  it('offers an Embedding section in the web dashboard with the line to paste', async () => {
    const section = await dashboard.waitForSelector('::-p-aria([name="Embedding"][role="region"])');
    const text = await section!.evaluate((element) => element.textContent ?? '');
    expect(text).toContain(`<script src="${site.url}/embed.js" defer></script>`);
    expect(text).toContain('No back office may embed Tally yet.');
    // The section is listed in the dashboard's navigation from its heading.
    await dashboard.waitForSelector('nav ::-p-aria([name="Embedding"][role="link"])');
    await allow(backOffice.url);
    const status = await dashboard.$eval('#embedding [role="status"]', (element) => element.textContent);
    expect(status).toBe(`${backOffice.url} may now show its customers in Tally.`);
  });

  it('docks the sidebar beside an allowed back office and follows its customer from page to page', async () => {
    await host.bringToFront();
    await host.goto(`${backOffice.url}${GRACE}`);
    let frame = await tallyFrame(host);
    await frame.waitForSelector('::-p-text(grace@example.com)');
    expect(await shownName(frame)).toBe('Grace Hopper');
    await press(frame, '::-p-aria([name="Capture contact"][role="button"])');
    await frame.waitForSelector('::-p-text(Saved in Tally.)');

    await host.goto(`${backOffice.url}${ADA}`);
    frame = await tallyFrame(host);
    await frame.waitForSelector('::-p-text(ada@example.com)');
    expect(await shownName(frame)).toBe('Ada Lovelace');
    expect(await frame.$('::-p-text(Grace Hopper)')).toBeNull();
    await frame.waitForSelector('::-p-text(Not in Tally yet.)');

    // Back to the first customer: the sidebar knows her, from the one store of the web app.
    await host.goto(`${backOffice.url}${GRACE}`);
    frame = await tallyFrame(host);
    await frame.waitForSelector('::-p-text(Saved in Tally.)');
    expect(await shownName(frame)).toBe('Grace Hopper');

    // A name with markup in it is shown as text.
    await host.goto(`${backOffice.url}${HOSTILE}`);
    frame = await tallyFrame(host);
    await frame.waitForSelector('::-p-text(noa.cohen@example.org)');
    expect(await shownName(frame)).toBe(HOSTILE_NAME);
    expect(dialogs).toEqual([]);

    // A page without a customer says so.
    await host.goto(`${backOffice.url}/crm/clients`);
    frame = await tallyFrame(host);
    await frame.waitForSelector('::-p-text(No customer on this page.)');
  });

  it('records a purchase for the customer on screen from the docked sidebar (Confirm order is not refused: nothing covers it)', async () => {
    const csv = join(await mkdtemp(join(tmpdir(), 'tally-web-embed-')), 'products.csv');
    await writeFile(
      csv,
      ['sku,name,price,currency,category,barcode', 'BD-100,Sourdough Starter Kit,24.00,USD,Baking,', ''].join(
        '\n',
      ),
    );
    await dashboard.bringToFront();
    expect(await importCatalog(dashboard, csv)).toMatch(/^Imported products\.csv: 1 new/);
    await rm(dirname(csv), { recursive: true, force: true });

    await host.bringToFront();
    await host.goto(`${backOffice.url}${GRACE}`);
    const frame = await tallyFrame(host);
    await frame.waitForSelector('::-p-text(Saved in Tally.)');
    await pointerReady(frame);
    await recordPurchase(frame, [{ search: 'Sourdough', quantity: 2 }]);
    const entries = await timelineEntries(frame);
    expect(entries[0]).toContain('Sourdough Starter Kit');
  });

  it('keeps its document from the host page, and the host page usable beside it', async () => {
    await host.goto(`${backOffice.url}${GRACE}`);
    await tallyFrame(host);
    const seen = await host.evaluate(() => {
      const embed = document.querySelector('tally-embed');
      const roots = (window as unknown as { shadowRoots: ShadowRoot[] }).shadowRoots;
      const frame = roots[0]?.querySelector('iframe');
      const attempt = (read: () => unknown) => {
        try {
          return String(read());
        } catch (error) {
          return (error as Error).name;
        }
      };
      return {
        shadowRoot: embed?.shadowRoot ?? null,
        iframesInDocument: document.querySelectorAll('iframe').length,
        frameFound: frame instanceof HTMLIFrameElement,
        contentDocument: frame?.contentDocument ?? null,
        document: attempt(() => frame?.contentWindow?.document.body.textContent),
        location: attempt(() => frame?.contentWindow?.location.href),
      };
    });
    // A closed shadow root holds the frame; and even reached, it is another origin's document.
    expect(seen).toEqual({
      shadowRoot: null,
      iframesInDocument: 0,
      frameFound: true,
      contentDocument: null,
      document: 'SecurityError',
      location: 'SecurityError',
    });
    // The toggle closes the panel and opens it again.
    const toggle = await host.waitForSelector('::-p-aria([name="Tally"][role="button"])');
    await toggle!.click();
    expect(await toggle!.evaluate((button) => button.getAttribute('aria-expanded'))).toBe('false');
    await toggle!.click();
    expect(await toggle!.evaluate((button) => button.getAttribute('aria-expanded'))).toBe('true');
  });

  it('ignores a message from a window other than its parent, and one of the wrong shape', async () => {
    await host.goto(`${backOffice.url}${GRACE}`);
    const frame = await tallyFrame(host);
    await frame.waitForSelector('::-p-text(grace@example.com)');
    // Every customer name the sidebar shows from now on.
    await frame.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { shownNames: string[] }).shownNames = shown;
      new MutationObserver(() => {
        const name = document.querySelector('dd[data-field="name"]')?.textContent;
        if (name && shown.at(-1) !== name) shown.push(name);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await host.evaluate((tallyOrigin) => {
      const eve = { tally: 1, type: 'customer', customer: { id: 'E-1', name: 'Eve Forged' } };
      // A frame of the host's own (allowed) origin: the browser names it, not the parent, as sender.
      const child = document.createElement('iframe');
      document.body.append(child);
      const roots = (window as unknown as { shadowRoots: ShadowRoot[] }).shadowRoots;
      const tally = roots[0]!.querySelector('iframe')!.contentWindow!;
      // Run in the child's own realm: the browser names the child, not this page, as the sender.
      (child.contentWindow as unknown as { tally: Window }).tally = tally;
      const inChild = child.contentDocument!.createElement('script');
      inChild.textContent = `tally.postMessage(${JSON.stringify(eve)}, ${JSON.stringify(tallyOrigin)});`;
      child.contentDocument!.body.append(inChild);
      // From the parent itself, but not the documented shape.
      tally.postMessage({ ...eve, customer: { ...eve.customer, admin: true } }, tallyOrigin);
      tally.postMessage({ tally: 1, type: 'customer', customer: { name: 'Eve Forged', id: 7 } }, tallyOrigin);
      (window as unknown as { Tally: { showCustomer(customer: object): void } }).Tally.showCustomer({
        id: 'M-1',
        name: 'Mallory Marker',
      });
    }, site.url);
    await frame.waitForSelector('::-p-text(Mallory Marker)');
    const shown = await frame.evaluate(() => (window as unknown as { shownNames: string[] }).shownNames);
    expect(shown).not.toContain('Eve Forged');
    expect(shown.at(-1)).toBe('Mallory Marker');
  });

  it('shows a back office that is not allowed only a refusal, and none of the data', async () => {
    await host.goto(`${stranger.url}${GRACE}`);
    const frame = await tallyFrame(host);
    await frame.waitForSelector(`::-p-text(${stranger.url} is not allowed to show its customers in Tally.)`);
    const link = await frame.waitForSelector(`::-p-aria([name="Open Tally's dashboard"][role="link"])`);
    expect(await link!.evaluate((a) => [(a as HTMLAnchorElement).href, a.getAttribute('target')])).toEqual([
      `${site.url}/#embedding`,
      '_blank',
    ]);
    // Grace is in Tally (captured above): nothing of her, and no action, reaches this page's frame.
    const text = await frame.evaluate(() => document.body.textContent ?? '');
    expect(text).not.toContain('Grace Hopper');
    expect(text).not.toContain('grace@example.com');
    expect(await frame.$$('button')).toHaveLength(0);
    // axe on the refusal, light and dark (a same-site frame takes the page's emulation).
    for (const scheme of ['light', 'dark']) {
      await host.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(
        await frame.evaluate((wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches, scheme),
      ).toBe(true);
      expect(await axeReport(frame)).toBe('');
    }
    await host.emulateMediaFeatures([]);
  });

  it('refuses a back office again once the user removes it', async () => {
    await dashboard.bringToFront();
    await dashboard.click(`::-p-aria([name="${backOffice.url}"][role="article"]) ::-p-aria([name="Remove"])`);
    await dashboard.waitForSelector(
      `::-p-text(${backOffice.url} may no longer show its customers in Tally.)`,
    );
    await host.bringToFront();
    await host.goto(`${backOffice.url}${GRACE}`);
    const frame = await tallyFrame(host);
    await frame.waitForSelector(
      `::-p-text(${backOffice.url} is not allowed to show its customers in Tally.)`,
    );
    expect(await frame.$('::-p-text(Grace Hopper)')).toBeNull();
  });

  it('is refused on a back office of another site even once allowed: the browser gives that frame storage of its own', async () => {
    // localhost and 127.0.0.1 are two sites: Chromium partitions the frame's IndexedDB by the
    // top-level site, so the frame reads an empty database, and an empty allow list, of its own.
    const otherSite = backOffice.url.replace('127.0.0.1', 'localhost');
    await allow(otherSite);
    await host.bringToFront();
    await host.goto(`${otherSite}${GRACE}`);
    const frame = await tallyFrame(host);
    await frame.waitForSelector(`::-p-text(${otherSite} is not allowed to show its customers in Tally.)`);
    // The refusal says what to do about it: host Tally on the back office's own site.
    await frame.waitForSelector("::-p-text(Tally must then be hosted on the back office's own site)");
    const text = await frame.evaluate(() => document.body.textContent ?? '');
    expect(text).not.toContain('Grace Hopper');
    expect(await frame.$$('button')).toHaveLength(0);
  });
});

/**
 * Presses a button of the sidebar from the keyboard. Chromium ignores clicks on a cross-origin
 * frame that uses IntersectionObserver v2 (the sidebar's clickjacking guard does) and moved in
 * the last 200 ms (https://github.com/whatwg/html/issues/8012): a test clicking right after the
 * page loaded, and the frame appeared, loses its click. Keyboard input goes to the focused frame.
 */
async function press(frame: Frame, selector: string): Promise<void> {
  const button = await frame.waitForSelector(selector);
  await button!.focus();
  await frame.page().keyboard.press('Enter');
}

/**
 * Waits until the sidebar frame takes pointer input (see press()): clicks its heading, which
 * does nothing, until a click arrives.
 */
async function pointerReady(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    document.querySelector('h1')?.addEventListener('click', () => (document.body.dataset['clicked'] = 'yes'));
  });
  const heading = await frame.waitForSelector('h1');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await heading!.click();
    if (await frame.evaluate(() => document.body.dataset['clicked'] === 'yes')) return;
    await new Promise((settle) => setTimeout(settle, 100));
  }
  throw new Error('The sidebar frame took no pointer input for 10 s.');
}

/** The name on the sidebar's "Customer on this page" card. */
async function shownName(frame: Frame): Promise<string | null> {
  return frame.$eval('dd[data-field="name"]', (dd) => dd.textContent);
}
