/**
 * The messages the worker sends to a tab's content script. Zod-free: the content script parses
 * them by hand, and accepts them only from Tally itself (see entrypoints/content).
 */
export type TabMessage =
  /** Site settings or recipes changed: fetch them again and detect again. */
  | { type: 'tab.rescan' }
  /** A capture made from outside the launcher (keyboard shortcut): show what it did. */
  | { type: 'tab.captured'; text: string }
  /** Open the sidebar (the context menu picked a field, or capture needs the user). */
  | { type: 'tab.openSidebar' }
  /** The sidebar moved to the browser's side panel: close the one docked in the page. */
  | { type: 'tab.closeSidebar' };

export function parseTabMessage(raw: unknown): TabMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as Record<string, unknown>;
  switch (message['type']) {
    case 'tab.rescan':
      return { type: 'tab.rescan' };
    case 'tab.openSidebar':
      return { type: 'tab.openSidebar' };
    case 'tab.closeSidebar':
      return { type: 'tab.closeSidebar' };
    case 'tab.captured': {
      const text = message['text'];
      return typeof text === 'string' && text.length <= 300 ? { type: 'tab.captured', text } : null;
    }
    default:
      return null;
  }
}
