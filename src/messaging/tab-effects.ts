import { browser } from 'wxt/browser';
import type { TabMessage } from './tab-messages';

/** What the worker does to back-office tabs. Browser calls only: the handlers stay testable. */

/** Sends to a tab's content script; a tab without one (not a back office, or closed) is skipped. */
export async function sendToTab(tabId: number, message: TabMessage): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message);
    return true;
  } catch {
    return false;
  }
}

export async function rescanTabs(origin: string): Promise<void> {
  const tabs = await browser.tabs.query({ url: `${origin}/*` });
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? false : sendToTab(tab.id, { type: 'tab.rescan' }))),
  );
}

/** The teach picker is its own script, injected only when the user asks to teach. */
export async function startTeachPicker(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/teach.js'] });
}

/**
 * Runs the product reader in the tab's top frame and returns what it returned, unchecked: it is
 * page data (product-handlers.ts checks it). Injected only when the user asks to capture.
 */
export async function readProductInTab(tabId: number): Promise<unknown> {
  const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/product-reader.js'] });
  return frame?.result ?? null;
}
