import { browser } from 'wxt/browser';
import { t } from '../../domain/i18n';
import type { TabMessage } from '../../messaging/tab-messages';

/** Firefox's sidebar (not in Chrome's types). */
interface SidebarAction {
  open(): Promise<void>;
}

function sidebarAction(): SidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
}

/** Whether this browser has a side panel Tally can open (Chrome's sidePanel, Firefox's sidebar). */
export function canOpenSidePanel(): boolean {
  return typeof browser.sidePanel?.open === 'function' || typeof sidebarAction()?.open === 'function';
}

/**
 * Opens the sidebar in the browser's side panel, beside `tabId`, and closes the sidebar docked in
 * that tab's page, if any. Both browsers open their panel only while the user's click is being
 * handled: call this from the click itself, with nothing awaited before it.
 */
export function moveToSidePanel(tabId: number): Promise<void> {
  let opened: Promise<void>;
  try {
    const action = sidebarAction();
    opened = browser.sidePanel?.open
      ? browser.sidePanel.open({ tabId })
      : action
        ? action.open()
        : Promise.reject(new Error(t('sidebar_no_side_panel')));
  } catch (failure) {
    opened = Promise.reject(failure);
  }
  return opened.then(() => closeDockedSidebar(tabId));
}

async function closeDockedSidebar(tabId: number): Promise<void> {
  const message: TabMessage = { type: 'tab.closeSidebar' };
  // A tab without Tally's content script has no docked sidebar to close.
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
