import { t } from '../../domain/i18n';
import { sendMessage } from '../../messaging/client';
import { watchPageContext } from '../../messaging/page-context';
import type { PageContextSource } from './sidebar-model';
import { moveToSidePanel } from './side-panel';

export interface FramedTabSource extends PageContextSource {
  /** Moves this sidebar into the browser's side panel: call it inside the user's click. */
  moveToSidePanel(): Promise<void>;
}

/**
 * What the sidebar framed in a back-office page shows: that page. The worker knows the frame's
 * tab from the browser (the sender), so the sidebar never names it.
 */
export function framedTabSource(): FramedTabSource {
  let tabId: number | undefined;
  return {
    async subscribe(onChange) {
      // Watch before the read that is shown: the page's report can land between the worker's
      // answer and the watch, and would be lost ("No customer on this page." beside a customer).
      // The first ask only learns the tab.
      const { tabId: id } = await sendMessage('page.getContext', {});
      tabId = id;
      let changed = false;
      const unwatch = watchPageContext(id, (context) => {
        changed = true;
        onChange({ tabId: id, context });
      });
      const loaded = await sendMessage('page.getContext', {});
      // A change seen meanwhile is as new as this read, or newer.
      if (!changed) onChange(loaded);
      return unwatch;
    },
    async teach() {
      await sendMessage('teach.start', {});
    },
    moveToSidePanel() {
      if (tabId === undefined) return Promise.reject(new Error(t('sidebar_tab_not_found')));
      return moveToSidePanel(tabId);
    },
  };
}
