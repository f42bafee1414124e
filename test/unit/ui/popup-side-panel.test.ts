import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { createPopupModel, type PopupDeps } from '../../../src/ui/popup/popup-model';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

function popup(tab: { id?: number; url?: string } | undefined, openSidePanel?: PopupDeps['openSidePanel']) {
  const never = () => Promise.reject(new Error('not in this test'));
  return createPopupModel({
    db,
    activeTab: async () => tab,
    hasAccess: async () => false,
    requestAccess: never,
    injectContentScript: never,
    revokeAccess: never,
    notifySiteChanged: never,
    openDashboard: never,
    ...(openSidePanel ? { openSidePanel } : {}),
  });
}

describe('the toolbar popup’s Open in side panel', () => {
  it('opens the panel beside the popup’s tab, asked within the click', async () => {
    const opened: number[] = [];
    const model = popup({ id: 7, url: 'http://127.0.0.1:5178/rep/customers/C-00042' }, async (tabId) => {
      opened.push(tabId);
    });
    await model.load();
    expect(model.panelTab.value).toBe(7);
    const done = model.openSidePanel();
    // Asked before anything is awaited: the browser allows the panel only inside the click.
    expect(opened).toEqual([7]);
    await done;
    expect(model.error.value).toBeNull();
  });

  it('is offered beside any tab, but not where the browser has no side panel', async () => {
    const anywhere = popup({ id: 3, url: 'chrome://newtab/' }, async () => {});
    await anywhere.load();
    expect(anywhere.panelTab.value).toBe(3);
    const without = popup({ id: 3, url: 'http://127.0.0.1:5178/' });
    await without.load();
    expect(without.panelTab.value).toBeNull();
  });

  it('says so when the panel does not open', async () => {
    const model = popup({ id: 7 }, () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    await model.load();
    await model.openSidePanel();
    expect(model.error.value).toMatch(/did not open: .*user gesture/);
  });
});
