import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { listSiteSettings, setSiteMode, siteMode } from '../../../src/db/site-settings';
import { originPattern } from '../../../src/messaging/site-access';
import { createSiteAccessModel, patternOrigin } from '../../../src/ui/dashboard/site-access-model';

let db: TallyDatabase;
let granted: string[];
let notified: string[];
let grantNext: boolean;

function model() {
  return createSiteAccessModel({
    db,
    list: async () => [...granted],
    allow: async (pattern) => {
      if (grantNext) granted.push(pattern);
      return grantNext;
    },
    revoke: async (pattern) => {
      granted = granted.filter((one) => one !== pattern);
    },
    toPattern: originPattern,
    notifySiteChanged: async (origin) => void notified.push(origin),
  });
}

beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  granted = ['https://crm.example.com/*'];
  notified = [];
  grantNext = true;
});
afterEach(async () => {
  await db.delete();
});

describe('site settings in the dashboard', () => {
  it('lists allowed sites and every origin with a setting, local ones only when they have one', async () => {
    await setSiteMode(db, 'http://127.0.0.1:5178', 'off');
    await setSiteMode(db, 'https://mail.example.com', 'never-capture');
    const sites = model();
    await sites.refresh();
    expect(sites.rows.value).toEqual([
      { site: 'http://127.0.0.1:5178', origin: 'http://127.0.0.1:5178', pattern: null, mode: 'off' },
      {
        site: 'https://crm.example.com',
        origin: 'https://crm.example.com',
        pattern: 'https://crm.example.com/*',
        mode: 'on',
      },
      {
        site: 'https://mail.example.com',
        origin: 'https://mail.example.com',
        pattern: null,
        mode: 'never-capture',
      },
    ]);
  });

  it('a site that is allowed and has a setting is one row with both', async () => {
    await setSiteMode(db, 'https://crm.example.com', 'never-capture');
    const sites = model();
    await sites.refresh();
    expect(sites.rows.value).toEqual([
      {
        site: 'https://crm.example.com',
        origin: 'https://crm.example.com',
        pattern: 'https://crm.example.com/*',
        mode: 'never-capture',
      },
    ]);
  });

  it('changing the mode saves it and tells the open tabs of that origin', async () => {
    const sites = model();
    await sites.refresh();
    await sites.setMode('https://crm.example.com', 'off');
    expect(await siteMode(db, 'https://crm.example.com')).toBe('off');
    expect(sites.rows.value[0]?.mode).toBe('off');
    expect(sites.message.value).toBe('Tally is off on https://crm.example.com.');
    expect(notified).toEqual(['https://crm.example.com']);

    await sites.setMode('https://crm.example.com', 'never-capture');
    expect(await siteMode(db, 'https://crm.example.com')).toBe('never-capture');
    expect(notified).toEqual(['https://crm.example.com', 'https://crm.example.com']);
  });

  it('a local site set back to On stays listed until the page closes', async () => {
    await setSiteMode(db, 'http://localhost:3000', 'off');
    const sites = model();
    await sites.refresh();
    await sites.setMode('http://localhost:3000', 'on');
    expect(await listSiteSettings(db)).toEqual([]);
    expect(sites.rows.value.map((row) => [row.site, row.mode])).toContainEqual([
      'http://localhost:3000',
      'on',
    ]);
    expect(notified).toEqual(['http://localhost:3000']);
  });

  it('adds a never-capture site by address', async () => {
    const sites = model();
    await sites.refresh();
    sites.neverInput.value = 'mail.example.com/inbox';
    await sites.neverCapture();
    expect(await siteMode(db, 'https://mail.example.com')).toBe('never-capture');
    expect(sites.neverInput.value).toBe('');
    expect(sites.rows.value.map((row) => row.site)).toContain('https://mail.example.com');
    expect(notified).toEqual(['https://mail.example.com']);

    sites.neverInput.value = 'ftp://files.example.com';
    await sites.neverCapture();
    expect(sites.message.value).toBe('Enter a web address such as https://backoffice.example.com.');
    expect(await listSiteSettings(db)).toHaveLength(1);
  });

  it('allows and removes a site as before', async () => {
    const sites = model();
    await sites.refresh();
    sites.input.value = 'https://shop.example.com/admin';
    await sites.allow();
    expect(sites.message.value).toBe('Tally now runs on https://shop.example.com/*.');
    expect(sites.rows.value.map((row) => row.pattern)).toContain('https://shop.example.com/*');

    grantNext = false;
    sites.input.value = 'https://other.example.com';
    await sites.allow();
    expect(sites.message.value).toBe('Access to https://other.example.com/* was not granted.');
    expect(sites.input.value).toBe('https://other.example.com');

    await sites.revoke('https://shop.example.com/*');
    expect(sites.rows.value.map((row) => row.site)).toEqual(['https://crm.example.com']);
  });

  it('a pattern over several origins is listed without a mode to pick', async () => {
    granted.push('https://*.example.org/*');
    const sites = model();
    await sites.refresh();
    expect(sites.rows.value).toContainEqual({
      site: 'https://*.example.org/*',
      origin: null,
      pattern: 'https://*.example.org/*',
      mode: 'on',
    });
    expect(patternOrigin('https://crm.example.com:8443/*')).toBe('https://crm.example.com:8443');
  });

  it('keeps the saved mode when the tabs cannot be told', async () => {
    const sites = createSiteAccessModel({
      db,
      list: async () => [],
      allow: async () => false,
      revoke: async () => undefined,
      toPattern: originPattern,
      notifySiteChanged: () => Promise.reject(new Error('no worker')),
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await sites.setMode('https://crm.example.com', 'off');
    warn.mockRestore();
    expect(sites.error.value).toBeNull();
    expect(await siteMode(db, 'https://crm.example.com')).toBe('off');
  });
});
