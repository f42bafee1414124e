import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../src/db/database';
import { CAPTURE_OUTCOME_TEXT } from '../../src/domain/capture-outcome';
import { errorMessage } from '../../src/domain/errors';
import { backupReminderWorker } from '../../src/messaging/backup-reminder';
import { captureHandlers, captureInTab } from '../../src/messaging/capture-handlers';
import { captureSelection, createCaptureMenu, menuField } from '../../src/messaging/context-menu';
import { pageContextHandlers, sessionPageContextStore } from '../../src/messaging/page-context';
import { productHandlers } from '../../src/messaging/product-handlers';
import { reconcileHandlers } from '../../src/messaging/reconcile-handlers';
import { reconcileWorker } from '../../src/messaging/reconcile-worker';
import { createRouter } from '../../src/messaging/router';
import { restoreSiteAccess } from '../../src/messaging/site-access';
import { writeSiteConfigCache } from '../../src/messaging/site-config-cache';
import { siteHandlers } from '../../src/messaging/site-handlers';
import { readProductInTab, rescanTabs, sendToTab, startTeachPicker } from '../../src/messaging/tab-effects';
import { teachHandlers } from '../../src/messaging/teach-handlers';
import { defaultCountry } from '../../src/ui/locale';

export default defineBackground({
  type: 'module',
  main() {
    // Listeners are registered synchronously, at the top: the worker is started for an event
    // and stopped after 30 s idle, so nothing may wait for setup or live only in memory here.
    const store = sessionPageContextStore;
    const db = openDatabase;
    const capture = { db, store, defaultCountry: () => defaultCountry() };
    const sites = { db, rescanTabs, cacheSiteConfig: writeSiteConfigCache };
    const reconcile = reconcileWorker(db);
    const route = createRouter(
      {
        ...pageContextHandlers(store),
        ...captureHandlers(capture),
        ...siteHandlers(sites),
        ...teachHandlers({ ...sites, startPicker: startTeachPicker }),
        ...productHandlers({ readPage: readProductInTab }),
        ...reconcileHandlers({ db, runInBackground: reconcile.runInBackground }),
      },
      { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    );
    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

    browser.tabs.onRemoved.addListener((tabId) => void store.set(tabId, null));

    // Reconcile jobs resume where they were stored: on the alarm, and once as the worker starts.
    browser.alarms.onAlarm.addListener(reconcile.onAlarm);
    // The toolbar button shows "!" when a backup is due: checked daily, and as the worker starts.
    const backupReminder = backupReminderWorker({ db, badge: browser.action, alarms: browser.alarms });
    browser.alarms.onAlarm.addListener(backupReminder.onAlarm);
    browser.downloads.onChanged.addListener((delta) => void reconcile.onDownloadChanged(delta));

    // The keyboard shortcut captures like the launcher's button, and says so on the page.
    browser.commands.onCommand.addListener((command, tab) => {
      if (command !== 'capture-contact' || tab?.id === undefined) return;
      const tabId = tab.id;
      void captureInTab(capture, tabId).then(
        (result) =>
          sendToTab(
            tabId,
            result.outcome === 'confirm'
              ? { type: 'tab.openSidebar' }
              : { type: 'tab.captured', text: `${CAPTURE_OUTCOME_TEXT[result.outcome]}: ${result.name}` },
          ),
        (error: unknown) => sendToTab(tabId, { type: 'tab.captured', text: errorMessage(error) }),
      );
    });

    browser.contextMenus.onClicked.addListener((info, tab) => {
      const field = menuField(info.menuItemId);
      if (!field || tab?.id === undefined || !tab.url || !info.selectionText) return;
      void captureSelection(store, field, info.selectionText, { id: tab.id, url: tab.url });
    });

    // Granting or revoking a site's permission (toolbar popup, dashboard) starts or stops Tally there.
    browser.permissions.onAdded.addListener(() => void restoreSiteAccess());
    browser.permissions.onRemoved.addListener(() => void restoreSiteAccess());
    browser.runtime.onStartup.addListener(() => void restoreSiteAccess());
    browser.runtime.onInstalled.addListener(() => {
      void restoreSiteAccess();
      createCaptureMenu();
    });

    void reconcile.resume();
    void backupReminder.start();
  },
});
