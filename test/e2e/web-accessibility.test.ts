import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticSite } from '../demo/static-site';
import { axeInBothThemes } from '../support/axe';
import { launchChromium, type LaunchedChromium } from '../support/chromium';
import { makeContact, makePurchase, putRows } from '../support/contacts';
import { captureContact } from '../support/tour';
import { serveWebApp } from '../support/web-app';

/**
 * axe-core on the web app's own pages, in the light and the dark theme: the dashboard and the
 * sidebar on a page of its own, with no customer, with the contact form, and with a contact and
 * its timeline. (The screens are the extension's; the pages around them are the web build's.)
 */
describe('web app accessibility: axe finds nothing serious, light or dark', () => {
  let chromium: LaunchedChromium;
  let site: StaticSite;
  let sidebar: Page;

  beforeAll(async () => {
    chromium = await launchChromium({ headless: true });
    site = await serveWebApp();
  });

  afterAll(async () => {
    await site?.close();
    await chromium?.close();
  });

  it('the dashboard, with contacts and their purchases', async () => {
    const dashboard = await chromium.browser.newPage();
    await dashboard.goto(`${site.url}/`);
    await dashboard.waitForSelector('::-p-aria(Add contact)');
    const ada = makeContact({ name: 'Ada Lovelace', email: 'ada@engine.example', phone: '+1 212 555 0100' });
    const grace = makeContact({ name: 'Grace Hopper', email: 'grace@navy.example' });
    await putRows(dashboard, 'contacts', [ada, grace]);
    await putRows(dashboard, 'purchases', [
      makePurchase(ada.id, '2026-02-02', 1250),
      makePurchase(grace.id, '2026-02-05', 900, 3),
    ]);
    await dashboard.reload();
    await dashboard.waitForSelector('section[aria-labelledby=contacts-heading] tbody th');
    expect(await axeInBothThemes(dashboard)).toBe('');
    await dashboard.close();
  });

  it('the sidebar page with no customer, then its contact form', async () => {
    sidebar = await chromium.browser.newPage();
    await sidebar.goto(`${site.url}/sidebar.html`);
    await sidebar.waitForSelector('::-p-aria(Enter contact by hand)');
    expect(await axeInBothThemes(sidebar)).toBe('');
    await sidebar.locator('::-p-aria(Enter contact by hand)').click();
    await sidebar.waitForSelector('form[aria-labelledby=contact-form-heading]');
    expect(await axeInBothThemes(sidebar)).toBe('');
  });

  it('the sidebar page with a captured contact and its timeline', async () => {
    const name = await sidebar.waitForSelector('::-p-aria([name="Name"][role="textbox"])');
    await name?.type('Ada Lovelace');
    const email = await sidebar.waitForSelector('::-p-aria([name="Email"][role="textbox"])');
    await email?.type('ada@engine.example');
    expect(await captureContact(sidebar.mainFrame())).toBe('Already up to date: Ada Lovelace');
    await sidebar.waitForSelector('ol.timeline li.purchase');
    expect(await axeInBothThemes(sidebar)).toBe('');
  });
});
