import type { ReadonlySignal } from '@preact/signals';
import type { ResponseOf } from '../messaging/protocol';
import type { PageContextSource } from './sidebar/sidebar-model';
import type { StorageEnvironment } from './storage/storage-problem';

/**
 * What differs between Tally as a browser extension and Tally as a web app, and nothing else:
 * how the page beside the sidebar arrives, where background work runs, and which permissions
 * exist. Files are downloaded the same way in both (a link with `download`, ui/download.ts). Every screen, model and the store are shared (src/ui/app/); each build's
 * entrypoint passes its implementation (platform/extension.ts, platform/web.ts).
 */
export interface Platform {
  /** The version written into backups. */
  appVersion: string;
  /** The address of a dashboard screen: '' for the main one, '#backup', '#buyback/…'. */
  dashboardHref(hash: string): string;
  /** The sidebar on a page of its own (the web app); null where it lives beside pages. */
  sidebarHref: string | null;
  /** Opens a dashboard screen in a tab of its own (a buy-back needs the room). */
  openDashboard(hash: string): void;
  /** Runs a stored reconcile job away from the page: the extension's worker, or a web worker. */
  runReconcileJob(jobId: string): Promise<void>;
  /** The browser and window kind, to explain a database that cannot be opened. */
  storageEnvironment(): StorageEnvironment;
  /** What the sidebar is beside, and what it can do there. */
  sidebar(): SidebarPlatform;
  /**
   * The extension reads back-office pages: the sites it may run on (host permissions, asked at
   * run time) and the pages it was taught. Null in the web app, which reads no page.
   */
  pageAccess: PageAccess | null;
  /**
   * The web app is embedded by back offices: the origins the user allows to tell the sidebar
   * which customer is on screen. Null in the extension, which reads the page itself.
   */
  embedding: Embedding | null;
  /** A backup was made or the reminder schedule changed (the extension's toolbar badge). */
  onBackupScheduleChanged?(): void;
}

export interface SidebarPlatform {
  /** Where the customer on screen comes from; `teach` only where pages can be taught. */
  page: PageContextSource;
  /** Framed in another site's page: confirming and deleting are refused while it covers Tally. */
  framed: boolean;
  /** Moves the sidebar into the browser's side panel; call it inside the user's click. */
  moveToSidePanel?: () => Promise<void>;
  /**
   * Reads the product on the page beside the sidebar (`Capture product`); `tabId` is the tab the
   * sidebar follows, which the side panel must name.
   */
  readProduct?: (tabId: number | null) => Promise<ResponseOf<'product.readPage'>>;
  /**
   * The address a contact typed or pasted by hand is recorded with, when no page gave one (the
   * web app on its own).
   */
  handEntryUrl?: string;
  /** On a page of its own, never beside a back-office page (the web app alone). */
  onItsOwn?: boolean;
  /**
   * Framed by a page that embeds Tally (the web app): whether the user allowed that page. Until
   * it is known to be allowed, the sidebar shows no contact data and no action.
   */
  embedder?: ReadonlySignal<Embedder>;
}

/**
 * Whether the page framing the sidebar may use it: allowed, refused (its origin, or that of a page
 * above it), or not known yet (a browser without `location.ancestorOrigins`, before the page's
 * first message). Only an allowed page gets the sidebar (src/ui/embed/EmbedRefusal.tsx).
 */
export type Embedder = { kind: 'allowed' } | { kind: 'refused'; origin: string } | { kind: 'unknown' };

export interface PageAccess {
  /** Host permissions the user granted ("https://crm.example.com/*"). */
  list(): Promise<string[]>;
  /** Asks the browser; must run inside the user's click. */
  allow(pattern: string): Promise<boolean>;
  revoke(pattern: string): Promise<void>;
  /** "crm.example.com" → "https://crm.example.com/*"; null when it is no web address. */
  toPattern(input: string): string | null;
  /** Tells the open tabs of `origin` to fetch their settings and recipes again, and detect again. */
  notifySiteChanged(origin: string): Promise<void>;
}

export interface Embedding {
  /** Where back offices load `embed.js` from: beside Tally's own pages. */
  scriptHref: string;
}
