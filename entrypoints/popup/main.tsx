import { render } from 'preact';
import { browser } from 'wxt/browser';
import { openDatabase } from '../../src/db/database';
import { sendMessage } from '../../src/messaging/client';
import { revokeBackOffice } from '../../src/messaging/site-access';
import { showPageInUiLanguage } from '../../src/ui/page-language';
import { Popup } from '../../src/ui/popup/Popup';
import { createPopupModel } from '../../src/ui/popup/popup-model';
import { canOpenSidePanel, moveToSidePanel } from '../../src/ui/sidebar/side-panel';
import '../../src/ui/theme.css';

const model = createPopupModel({
  db: openDatabase(),
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  hasAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  requestAccess: (pattern) => browser.permissions.request({ origins: [pattern] }),
  injectContentScript: async (tabId) => {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  },
  revokeAccess: revokeBackOffice,
  notifySiteChanged: async (origin) => {
    await sendMessage('sites.changed', { origin });
  },
  openDashboard: async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    window.close();
  },
  ...(canOpenSidePanel()
    ? { openSidePanel: (tabId: number) => moveToSidePanel(tabId).then(() => window.close()) }
    : {}),
});

showPageInUiLanguage();
render(<Popup model={model} />, document.getElementById('app') as HTMLElement);
void model.load();
