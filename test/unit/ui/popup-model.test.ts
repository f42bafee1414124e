import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { setSiteMode, siteMode } from '../../../src/db/site-settings';
import { createPopupModel, isLocalOrigin, type ActiveTab } from '../../../src/ui/popup/popup-model';

/** A fake browser: the permissions it holds, what it answers when asked, and what was called. */
interface FakeBrowser {
  tab: ActiveTab | undefined;
  granted: Set<string>;
  answer: boolean | Error;
  requested: string[];
  injected: number[];
  injectFails: boolean;
  revoked: string[];
  notified: string[];
  dashboards: number;
}

let db: TallyDatabase;
let fake: FakeBrowser;

function popup() {
  return createPopupModel({
    db,
    activeTab: async () => fake.tab,
    hasAccess: async (pattern) => fake.granted.has(pattern),
    requestAccess: (pattern) => {
      fake.requested.push(pattern);
      const { answer } = fake;
      if (answer instanceof Error) return Promise.reject(answer);
      if (answer) fake.granted.add(pattern);
      return Promise.resolve(answer);
    },
    injectContentScript: async (tabId) => {
      if (fake.injectFails) throw new Error('Cannot access contents of the page.');
      fake.injected.push(tabId);
    },
    revokeAccess: async (pattern) => {
      fake.revoked.push(pattern);
      fake.granted.delete(pattern);
    },
    notifySiteChanged: async (origin) => void fake.notified.push(origin),
    openDashboard: async () => void fake.dashboards++,
  });
}

async function loaded(url: string | undefined, id = 7) {
  fake.tab = { id, url };
  const model = popup();
  await model.load();
  return model;
}

beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  fake = {
    tab: undefined,
    granted: new Set(),
    answer: true,
    requested: [],
    injected: [],
    injectFails: false,
    revoked: [],
    notified: [],
    dashboards: 0,
  };
});
afterEach(async () => {
  await db.delete();
});

describe('toolbar popup', () => {
  it('on a page that is not a web page, offers only the dashboard', async () => {
    for (const url of ['chrome://extensions/', 'about:blank', 'file:///tmp/a.html', undefined, 'not a url']) {
      const model = await loaded(url);
      expect(model.view.value).toEqual({ kind: 'not-web' });
    }
    const model = await loaded('chrome://newtab/');
    await model.openDashboard();
    expect(fake.dashboards).toBe(1);
    expect(fake.requested).toEqual([]);
  });

  it('with no tab at all, says it works on web back offices', async () => {
    const model = popup();
    await model.load();
    expect(model.view.value).toEqual({ kind: 'not-web' });
  });

  it('on a site Tally may not run on yet, offers to enable it', async () => {
    const model = await loaded('https://crm.example.com/clients/42?tab=1');
    expect(model.view.value).toEqual({
      kind: 'disabled',
      origin: 'https://crm.example.com',
      pattern: 'https://crm.example.com/*',
      tabId: 7,
    });
  });

  it('on an allowed site, shows its mode', async () => {
    fake.granted.add('https://crm.example.com/*');
    await setSiteMode(db, 'https://crm.example.com', 'never-capture');
    const model = await loaded('https://crm.example.com/clients/42');
    expect(model.view.value).toEqual({
      kind: 'enabled',
      origin: 'https://crm.example.com',
      pattern: 'https://crm.example.com/*',
      tabId: 7,
      local: false,
      mode: 'never-capture',
    });
  });

  it('local servers on any port count as enabled without asking', async () => {
    const model = await loaded('http://127.0.0.1:5178/rep/customers/C-00042');
    expect(model.view.value).toMatchObject({ kind: 'enabled', local: true, mode: 'on' });
    expect((await loaded('http://localhost/')).view.value).toMatchObject({ kind: 'enabled', local: true });
    expect(isLocalOrigin(new URL('https://localhost:8443/'))).toBe(false);
    expect(isLocalOrigin(new URL('http://localhost.example.com/'))).toBe(false);
  });

  it('Enable asks within the click, then runs Tally in this tab at once', async () => {
    const model = await loaded('https://crm.example.com/clients/42', 12);
    const enabling = model.enable();
    // Asked before the first await: the browser shows its prompt only during the user's click.
    expect(fake.requested).toEqual(['https://crm.example.com/*']);
    await enabling;
    expect(fake.injected).toEqual([12]);
    expect(model.view.value).toMatchObject({
      kind: 'enabled',
      origin: 'https://crm.example.com',
      local: false,
    });
    expect(model.message.value).toBe(
      'Tally is on for https://crm.example.com. Reload the page if the launcher does not appear.',
    );
    expect(model.busy.value).toBe(false);
  });

  it('Enable still succeeds when the tab refuses the script', async () => {
    fake.injectFails = true;
    const model = await loaded('https://crm.example.com/clients/42');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await model.enable();
    warn.mockRestore();
    expect(model.view.value).toMatchObject({ kind: 'enabled' });
    expect(model.error.value).toBeNull();
    expect(model.message.value).toMatch(/^Tally is on for https:\/\/crm\.example\.com\./);
  });

  it('when the user refuses, nothing runs and the offer stays', async () => {
    fake.answer = false;
    const model = await loaded('https://crm.example.com/clients/42');
    await model.enable();
    expect(fake.requested).toEqual(['https://crm.example.com/*']);
    expect(fake.injected).toEqual([]);
    expect(model.view.value).toMatchObject({ kind: 'disabled' });
    expect(model.message.value).toBe('Tally was not enabled on https://crm.example.com.');
  });

  it('when the browser fails the request, says so', async () => {
    fake.answer = new Error('Permissions may only be requested during a user gesture.');
    const model = await loaded('https://crm.example.com/clients/42');
    await model.enable();
    expect(model.view.value).toMatchObject({ kind: 'disabled' });
    expect(model.error.value).toBe(
      'Tally was not enabled on https://crm.example.com: Permissions may only be requested during a user gesture.',
    );
  });

  it('changing the mode saves it and tells the open tabs of the site', async () => {
    fake.granted.add('https://crm.example.com/*');
    const model = await loaded('https://crm.example.com/clients/42');
    await model.setMode('off');
    expect(await siteMode(db, 'https://crm.example.com')).toBe('off');
    expect(model.view.value).toMatchObject({ kind: 'enabled', mode: 'off' });
    expect(fake.notified).toEqual(['https://crm.example.com']);
    expect(model.message.value).toBe('Tally is off on https://crm.example.com.');

    await model.setMode('on');
    expect(await siteMode(db, 'https://crm.example.com')).toBe('on');
    expect(fake.notified).toEqual(['https://crm.example.com', 'https://crm.example.com']);
  });

  it('a local site has a mode too', async () => {
    const model = await loaded('http://localhost:3000/customers/1');
    await model.setMode('never-capture');
    expect(await siteMode(db, 'http://localhost:3000')).toBe('never-capture');
    expect(fake.notified).toEqual(['http://localhost:3000']);
  });

  it('Revoke access takes the permission back and offers Enable again', async () => {
    fake.granted.add('https://crm.example.com/*');
    const model = await loaded('https://crm.example.com/clients/42');
    await model.revoke();
    expect(fake.revoked).toEqual(['https://crm.example.com/*']);
    expect(model.view.value).toMatchObject({ kind: 'disabled', origin: 'https://crm.example.com' });
    expect(model.message.value).toBe(
      'Tally no longer runs on https://crm.example.com. Reload the page to remove the launcher.',
    );
  });

  it('local sites cannot be revoked', async () => {
    const model = await loaded('http://127.0.0.1:5178/');
    await model.revoke();
    expect(fake.revoked).toEqual([]);
    expect(model.view.value).toMatchObject({ kind: 'enabled', local: true });
  });
});
