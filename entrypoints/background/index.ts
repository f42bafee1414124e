import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../../src/messaging/router';
import { pageContextHandlers, sessionPageContextStore } from '../../src/messaging/page-context';
import { restoreSiteAccess } from '../../src/messaging/site-access';

export default defineBackground({
  type: 'module',
  main() {
    // Listeners are registered synchronously, at the top: the worker is started for an event
    // and stopped after 30 s idle, so nothing may wait for setup or live only in memory here.
    const route = createRouter(
      { ...pageContextHandlers(sessionPageContextStore) },
      { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    );
    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

    browser.tabs.onRemoved.addListener((tabId) => {
      void sessionPageContextStore.set(tabId, null);
    });
    browser.action.onClicked.addListener(() => {
      void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    });
    browser.runtime.onStartup.addListener(() => void restoreSiteAccess());
    browser.runtime.onInstalled.addListener(() => void restoreSiteAccess());
  },
});
