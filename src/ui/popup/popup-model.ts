import { signal } from '@preact/signals';
import type { TallyDatabase } from '../../db/database';
import { siteMode } from '../../db/site-settings';
import { DEV_BACK_OFFICE_MATCHES } from '../../domain/back-office-origins';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { SiteMode } from '../../domain/site-setting';
import { originPattern } from '../../messaging/site-access';
import { saveSiteMode } from '../dashboard/site-mode';

export interface ActiveTab {
  id?: number;
  /** Present when the user opened the popup from this tab: `activeTab` grants it then. */
  url?: string;
}

export interface PopupDeps {
  db: TallyDatabase;
  activeTab(): Promise<ActiveTab | undefined>;
  /** Whether Tally holds the host permission `pattern`. */
  hasAccess(pattern: string): Promise<boolean>;
  /** Asks the user for `pattern`; the browser allows it only inside the click that asked. */
  requestAccess(pattern: string): Promise<boolean>;
  /** Runs the content script in the tab now, without waiting for its next load. */
  injectContentScript(tabId: number): Promise<void>;
  revokeAccess(pattern: string): Promise<void>;
  /** Tells the open tabs of `origin` to fetch their settings and detect again. */
  notifySiteChanged(origin: string): Promise<void>;
  openDashboard(): Promise<void>;
  /**
   * Opens the sidebar in the browser's side panel beside `tabId` (absent: the browser has none).
   * Like `requestAccess`, allowed only inside the click that asked.
   */
  openSidePanel?(tabId: number): Promise<void>;
}

interface Site {
  origin: string;
  /** The host permission that covers the origin: "https://crm.example.com/*". */
  pattern: string;
  tabId: number | undefined;
}

export type PopupView =
  | { kind: 'loading' }
  /** Not an http(s) page: a new tab, the browser's settings, an extension page. */
  | { kind: 'not-web' }
  | ({ kind: 'disabled' } & Site)
  | ({ kind: 'enabled'; local: boolean; mode: SiteMode } & Site);

/** http://localhost and http://127.0.0.1 on any port: Tally runs there without asking. */
export function isLocalOrigin(url: URL): boolean {
  return DEV_BACK_OFFICE_MATCHES.some((match) => {
    const local = new URL(match);
    return local.protocol === url.protocol && local.hostname === url.hostname;
  });
}

function webPage(address: string | undefined): URL | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The toolbar popup: this tab's site, whether Tally runs there, and what it does there. */
export function createPopupModel(deps: PopupDeps) {
  const view = signal<PopupView>({ kind: 'loading' });
  const message = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  /** The tab the side panel would open beside; null when there is no tab or no side panel. */
  const panelTab = signal<number | null>(null);

  async function enabledView({ origin, pattern, tabId }: Site, local: boolean): Promise<PopupView> {
    return { kind: 'enabled', origin, pattern, tabId, local, mode: await siteMode(deps.db, origin) };
  }

  async function load() {
    try {
      const tab = await deps.activeTab();
      if (deps.openSidePanel && tab?.id !== undefined) panelTab.value = tab.id;
      const url = webPage(tab?.url);
      const pattern = url && originPattern(url.href);
      if (!url || !pattern) {
        view.value = { kind: 'not-web' };
        return;
      }
      const site: Site = { origin: url.origin, pattern, tabId: tab?.id };
      const local = isLocalOrigin(url);
      view.value =
        local || (await deps.hasAccess(pattern))
          ? await enabledView(site, local)
          : { kind: 'disabled', ...site };
    } catch (failure) {
      view.value = { kind: 'not-web' };
      error.value = t('popup_cannot_read_tab', errorMessage(failure));
    }
  }

  /**
   * Asks for this site before anything else happens: the browser shows its prompt only while the
   * click that asked is still being handled, so the request must not wait behind an `await`.
   */
  function enable(): Promise<void> {
    const current = view.value;
    if (current.kind !== 'disabled') return Promise.resolve();
    let asked: Promise<boolean>;
    try {
      asked = deps.requestAccess(current.pattern);
    } catch (failure) {
      asked = Promise.reject(failure);
    }
    return finishEnabling(current, asked);
  }

  async function finishEnabling(site: Site, asked: Promise<boolean>) {
    busy.value = true;
    error.value = null;
    message.value = null;
    try {
      if (!(await asked)) {
        message.value = t('popup_not_enabled', site.origin);
        return;
      }
      // The worker registers the content script for the site's next pages; this one runs it now.
      if (site.tabId !== undefined) {
        await deps.injectContentScript(site.tabId).catch((failure: unknown) => {
          console.warn('Tally: could not start on this tab.', failure);
        });
      }
      view.value = await enabledView(site, false);
      message.value = t('popup_enabled', site.origin);
    } catch (failure) {
      error.value = t('popup_enable_failed', site.origin, errorMessage(failure));
    } finally {
      busy.value = false;
    }
  }

  async function revoke() {
    const current = view.value;
    if (current.kind !== 'enabled' || current.local) return;
    busy.value = true;
    error.value = null;
    try {
      await deps.revokeAccess(current.pattern);
      const { origin, pattern, tabId } = current;
      view.value = { kind: 'disabled', origin, pattern, tabId };
      message.value = t('popup_revoked', origin);
    } catch (failure) {
      error.value = t('popup_revoke_failed', current.origin, errorMessage(failure));
    } finally {
      busy.value = false;
    }
  }

  async function setMode(mode: SiteMode) {
    const current = view.value;
    if (current.kind !== 'enabled') return;
    error.value = null;
    try {
      message.value = await saveSiteMode(deps.db, deps.notifySiteChanged, current.origin, mode);
      view.value = { ...current, mode };
    } catch (failure) {
      error.value = t('popup_setting_not_saved', errorMessage(failure));
    }
  }

  async function openDashboard() {
    try {
      await deps.openDashboard();
    } catch (failure) {
      error.value = t('popup_dashboard_not_opened', errorMessage(failure));
    }
  }

  /** Nothing is awaited before the browser is asked: see `enable`. */
  function openSidePanel(): Promise<void> {
    const tabId = panelTab.value;
    if (tabId === null || !deps.openSidePanel) return Promise.resolve();
    let opened: Promise<void>;
    try {
      opened = deps.openSidePanel(tabId);
    } catch (failure) {
      opened = Promise.reject(failure);
    }
    return opened.catch((failure: unknown) => {
      error.value = t('popup_side_panel_not_opened', errorMessage(failure));
    });
  }

  return {
    view,
    message,
    error,
    busy,
    panelTab,
    load,
    enable,
    revoke,
    setMode,
    openDashboard,
    openSidePanel,
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
