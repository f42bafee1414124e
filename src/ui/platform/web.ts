import { openDatabase } from '../../db/database';
import { unfinishedReconcileJobs } from '../../db/reconcile-read';
import { readSetting } from '../../db/settings';
import type { Platform, SidebarPlatform } from '../platform';
import { chosenContactSource } from './chosen-contact';
import { embeddedPageSource } from './embedded-page';

/** Tally's web pages tell each other that a page running reconcile jobs is closing. */
const RECONCILE_CHANNEL = 'tally-reconcile';

export interface WebPlatformOptions {
  appVersion: string;
  /** Starts the reconcile web worker (web/reconcile-worker.ts); the build names its file. */
  startReconcileWorker(): Worker;
}

/**
 * Tally as a plain web app: its data in this site's IndexedDB, reconcile jobs in a web worker,
 * no page to read. The customer arrives typed, pasted, or from a back office that embeds Tally.
 */
export function webPlatform(options: WebPlatformOptions): Platform {
  let worker: Worker | undefined;
  const reconcileWorker = () => (worker ??= options.startReconcileWorker());
  // A job left unfinished when its page closed goes on in another Tally page: this one as it
  // opens, or any open one when a page that ran jobs closes (its worker dies with it). The
  // workers take turns under a Web Lock, so two resuming the same job run it once.
  const resumeUnfinished = () =>
    void unfinishedReconcileJobs(openDatabase())
      .then((jobs) => (jobs.length > 0 ? reconcileWorker() : undefined))
      .catch(() => undefined);
  resumeUnfinished();
  const closings = new BroadcastChannel(RECONCILE_CHANNEL);
  closings.addEventListener('message', resumeUnfinished);
  addEventListener('pagehide', () => {
    if (worker) closings.postMessage('closed');
  });
  const dashboardHref = (hash: string) => new URL(`./${hash}`, location.href).href;
  return {
    appVersion: options.appVersion,
    dashboardHref,
    sidebarHref: new URL('./sidebar.html', location.href).href,
    openDashboard: (hash) => void window.open(dashboardHref(hash), '_blank', 'noopener'),
    runReconcileJob: async (jobId) => {
      reconcileWorker().postMessage({ jobId });
    },
    storageEnvironment: () => ({ firefox: /\bFirefox\//.test(navigator.userAgent), incognito: false }),
    sidebar: webSidebar,
    pageAccess: null,
    // Allowing a back office is a click in Tally's own tab: a page framing the dashboard could
    // trick that click, so a framed dashboard has no Embedding section.
    embedding: window.top === window ? { scriptHref: new URL('./embed.js', location.href).href } : null,
  };
}

/**
 * On a page of its own, the sidebar shows the contact its address names (`Open in sidebar` on a
 * contact's screen), or none: the user types or pastes the customer. Framed by a back office
 * (web/embed.ts), that back office says which customer is on screen, if the user allowed it to.
 */
function webSidebar(): SidebarPlatform {
  if (window.top === window) {
    const page = chosenContactSource(openDatabase());
    return { page, framed: false, onItsOwn: true, handEntryUrl: location.href };
  }
  const page = embeddedPageSource({
    window,
    allowedOrigins: () => readSetting(openDatabase(), 'embedOrigins'),
  });
  return { page, framed: true, embedder: page.embedder, handEntryUrl: location.href };
}
