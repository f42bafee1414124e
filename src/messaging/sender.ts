import { t } from '../domain/i18n';

/** The parts of `runtime.MessageSender` Tally judges a sender by; all set by the browser. */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type SenderKind =
  | { kind: 'content'; tabId: number; url: string }
  | { kind: 'extension-page'; tabId?: number }
  | { kind: 'unknown' };

/**
 * Who sent a message, from what the browser says about the sender, never from the message.
 * Anything not from this extension is unknown. A page of ours (sidebar, dashboard) has our
 * origin as its URL — the sidebar also has the tab it is framed in; a content script has a tab
 * and the back office's URL.
 */
export function classifySender(sender: SenderFacts, self: { id: string; origin: string }): SenderKind {
  if (sender.id !== self.id || sender.url === undefined) return { kind: 'unknown' };
  const tabId = sender.tab?.id;
  // "chrome-extension://<id>/", with its slash: an id that merely starts with ours is not ours.
  const ownPrefix = self.origin.endsWith('/') ? self.origin : `${self.origin}/`;
  if (sender.url.startsWith(ownPrefix)) {
    return tabId === undefined || tabId < 0 ? { kind: 'extension-page' } : { kind: 'extension-page', tabId };
  }
  if (tabId !== undefined && tabId >= 0 && /^https?:/.test(sender.url))
    return { kind: 'content', tabId, url: sender.url };
  return { kind: 'unknown' };
}

/**
 * The tab a request acts on. A content script or a framed sidebar acts on its own tab: it may
 * repeat that tab's id, never name another. Only a Tally page with no tab of its own (the side
 * panel, the toolbar popup) names the tab it means, since the browser gives it none.
 */
export function targetTab(request: { tabId?: number | undefined }, sender: SenderKind): number {
  if (sender.kind === 'unknown') throw new Error(t('messaging_unknown_sender'));
  const own = sender.tabId;
  if (own !== undefined) {
    if (request.tabId !== undefined && request.tabId !== own) {
      throw new Error(t('messaging_own_tab_only'));
    }
    return own;
  }
  if (request.tabId === undefined) throw new Error(t('messaging_no_back_office_tab'));
  return request.tabId;
}
