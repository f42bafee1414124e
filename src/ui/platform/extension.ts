import { browser } from 'wxt/browser';
import { openDatabase } from '../../db/database';
import { showBackupReminder } from '../../messaging/backup-reminder';
import { sendMessage } from '../../messaging/client';
import {
  allowBackOffice,
  allowedBackOffices,
  originPattern,
  revokeBackOffice,
} from '../../messaging/site-access';
import type { Platform, SidebarPlatform } from '../platform';
import { browserActiveTabSource } from '../sidebar/active-tab-source';
import { framedTabSource } from '../sidebar/framed-tab-source';
import { canOpenSidePanel } from '../sidebar/side-panel';
import { pageStorageEnvironment } from '../storage/environment';

/** Tally as a browser extension: its pages, its worker, the browser's tabs and permissions. */
export function extensionPlatform(): Platform {
  const dashboardHref = (hash: string) => browser.runtime.getURL(`/dashboard.html${hash}`);
  return {
    appVersion: browser.runtime.getManifest().version,
    dashboardHref,
    sidebarHref: null,
    openDashboard: (hash) => void browser.tabs.create({ url: dashboardHref(hash) }),
    runReconcileJob: async (jobId) => {
      await sendMessage('reconcile.run', { jobId });
    },
    storageEnvironment: pageStorageEnvironment,
    sidebar: extensionSidebar,
    pageAccess: {
      list: allowedBackOffices,
      allow: allowBackOffice,
      revoke: revokeBackOffice,
      toPattern: originPattern,
      notifySiteChanged: async (origin) => {
        await sendMessage('sites.changed', { origin });
      },
    },
    embedding: null,
    // The toolbar button's "!" goes as soon as the backup is made, not at the worker's next daily look.
    onBackupScheduleChanged: () =>
      void showBackupReminder(openDatabase(), browser.action, new Date()).catch(() => {}),
  };
}

/**
 * Framed in a back-office page, or alone in the browser's side panel. The browser decides which
 * (a page cannot make its frame the top window), not a query string anyone can write.
 */
function extensionSidebar(): SidebarPlatform {
  const readProduct = (tabId: number | null) =>
    // The side panel names the tab it follows; framed, the worker knows the tab anyway.
    sendMessage('product.readPage', tabId === null ? {} : { tabId });
  if (window.top === window) return { page: browserActiveTabSource(), framed: false, readProduct };
  const framed = framedTabSource();
  return {
    page: framed,
    framed: true,
    readProduct,
    ...(canOpenSidePanel() ? { moveToSidePanel: () => framed.moveToSidePanel() } : {}),
  };
}
