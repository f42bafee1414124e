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
      const loaded = await sendMessage('page.getContext', {});
      tabId = loaded.tabId;
      const unwatch = watchPageContext(loaded.tabId, (context) => onChange({ tabId: loaded.tabId, context }));
      onChange(loaded);
      return unwatch;
    },
    async teach() {
      await sendMessage('teach.start', {});
    },
    moveToSidePanel() {
      if (tabId === undefined) return Promise.reject(new Error('Tally has not found its tab yet.'));
      return moveToSidePanel(tabId);
    },
  };
}
