import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { startDemoServer } from '../demo/server';
import { launchWithTally, sidebarFrame, type TallyBrowser } from '../support/chromium';
import { leavesMachine } from '../support/network-egress';
import { openSidebar } from '../support/tour';

/**
 * Zero network egress: every e2e file launches Chromium through launchWithTally, whose proxy is
 * the egress recorder, and its `close()` fails the file if anything tried to leave the machine.
 * This file proves the recorder sees requests from each kind of Tally context — an extension
 * page, the service worker, the sidebar frame — and that loopback (the demo back office) is not
 * counted. The deliberate requests are cleared, so the file itself passes.
 */
describe('network egress recorder', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let tally: TallyBrowser;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    tally = await launchWithTally({ headless: true });
    page = await tally.browser.newPage();
  });

  afterAll(async () => {
    await tally?.close();
    await demo?.close();
  });

  it('does not count the loopback back office, nor Tally working beside it', async () => {
    await page.goto(`${demo.url}/rep/customers/C-00042`);
    const frame = await openSidebar(page, tally);
    await frame.waitForSelector('[data-field=external-id]');
    const dashboard = await extensionPage(tally);
    await dashboard.close();
    expect(tally.egress.requests()).toEqual([]);
  });

  it('tells apart an address that leaves the machine', () => {
    expect(leavesMachine('http://xss.invalid/1')).toBe(true);
    expect(leavesMachine('wss://example.org/socket')).toBe(true);
    expect(leavesMachine(`${demo.url}/rep/customers`)).toBe(false);
    expect(leavesMachine('http://localhost:5173/')).toBe(false);
    expect(leavesMachine('http://[::1]:8080/')).toBe(false);
    expect(leavesMachine(`${tally.extensionOrigin}/sidebar.html`)).toBe(false);
    expect(leavesMachine('data:text/plain,hi')).toBe(false);
  });

  it('catches a request from an extension page, plain and over TLS', async () => {
    const dashboard = await extensionPage(tally);
    await dashboard.evaluate(() => {
      void fetch('http://egress-probe.invalid/from-dashboard').catch(() => undefined);
      void fetch('https://egress-probe.invalid/over-tls').catch(() => undefined);
    });
    // Seen by the proxy, and by the watch of the dashboard's own target.
    await tally.egress.waitFor(/^GET http:\/\/egress-probe\.invalid\/from-dashboard \(proxy\)$/);
    await tally.egress.waitFor(/^CONNECT https:\/\/egress-probe\.invalid:443 \(proxy\)$/);
    const dashboardUrl = `${tally.extensionOrigin}/dashboard.html`;
    expect(await tally.egress.waitFor(/from-dashboard \(page /)).toContain(dashboardUrl);
    expect(await tally.egress.waitFor(/over-tls \(page /)).toContain(dashboardUrl);
    await dashboard.close();
    tally.egress.clear();
  });

  it('catches a request from the service worker', async () => {
    const target = await tally.browser.waitForTarget(
      (candidate) =>
        candidate.type() === 'service_worker' && candidate.url().startsWith(tally.extensionOrigin),
    );
    const worker = await target.worker();
    await worker?.evaluate(() => {
      void fetch('http://egress-probe.invalid/from-worker').catch(() => undefined);
    });
    await tally.egress.waitFor(/from-worker \(proxy\)$/);
    expect(await tally.egress.waitFor(/from-worker \(service_worker /)).toContain('/background.js');
    tally.egress.clear();
  });

  it('catches an image the sidebar frame would load', async () => {
    // The sidebar is still open beside the customer from the first test.
    const frame = await sidebarFrame(page, tally.extensionOrigin);
    await frame.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'http://egress-probe.invalid/from-sidebar.png';
      document.body.append(image);
    });
    await tally.egress.waitFor(/from-sidebar\.png \(proxy\)$/);
    expect(await tally.egress.waitFor(/from-sidebar\.png \(other /)).toContain('/sidebar.html');
    tally.egress.clear();
  });

  it('fails the test file at close when a request left and was not cleared', async () => {
    const leaky = await launchWithTally({ headless: true });
    const dashboard = await extensionPage(leaky);
    await dashboard.evaluate(() => {
      void fetch('http://egress-probe.invalid/left-behind').catch(() => undefined);
    });
    await leaky.egress.waitFor(/left-behind \(page /);
    await expect(leaky.close()).rejects.toThrow(/Network egress: .*\n.*egress-probe\.invalid\/left-behind/);
  });
});

/** A Tally extension page (the dashboard's document), to read the database or make requests from. */
async function extensionPage(tally: TallyBrowser): Promise<Page> {
  const page = await tally.browser.newPage();
  await page.goto(`${tally.extensionOrigin}/dashboard.html`);
  return page;
}
