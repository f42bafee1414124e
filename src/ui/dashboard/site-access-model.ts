import { signal } from '@preact/signals';
import type { TallyDatabase } from '../../db/database';
import { listSiteSettings } from '../../db/site-settings';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { SiteMode } from '../../domain/site-setting';
import { saveSiteMode } from './site-mode';

export interface SiteAccessDeps {
  db: TallyDatabase;
  list(): Promise<string[]>;
  allow(pattern: string): Promise<boolean>;
  revoke(pattern: string): Promise<void>;
  toPattern(input: string): string | null;
  /** Tells the open tabs of `origin` to fetch their settings and detect again. */
  notifySiteChanged(origin: string): Promise<void>;
}

/** One site in the list: allowed by the user, or with a mode other than on, or both. */
export interface SiteRow {
  /** What the list shows: the origin, or the allowed pattern when it covers several origins. */
  site: string;
  /** Null for a pattern over several origins ("https://*.example.com/*"): no one mode applies. */
  origin: string | null;
  /** The host permission the user granted, if any: what `Remove` takes back. */
  pattern: string | null;
  mode: SiteMode;
}

/** "https://crm.example.com/*" → "https://crm.example.com"; null for a pattern over many origins. */
export function patternOrigin(pattern: string): string | null {
  return /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern)?.[1] ?? null;
}

/**
 * The back-office sites the user has let Tally run on, beyond the local demo, and what Tally does
 * on each site it knows: on, on but never capturing contacts, or off.
 */
export function createSiteAccessModel(deps: SiteAccessDeps) {
  const rows = signal<SiteRow[]>([]);
  const input = signal('');
  const neverInput = signal('');
  const message = signal<string | null>(null);
  const error = signal<string | null>(null);
  // Sites changed here stay listed until the page closes, even once back to the default "on"
  // (which stores no setting): a row does not vanish under the user's pointer.
  const shown = new Set<string>();

  async function refresh() {
    const [patterns, settings] = await Promise.all([deps.list(), listSiteSettings(deps.db)]);
    const byOrigin = new Map<string, SiteRow>();
    const many: SiteRow[] = [];
    for (const pattern of patterns) {
      const origin = patternOrigin(pattern);
      if (origin) byOrigin.set(origin, { site: origin, origin, pattern, mode: 'on' });
      else many.push({ site: pattern, origin: null, pattern, mode: 'on' });
    }
    for (const origin of shown) {
      if (!byOrigin.has(origin)) byOrigin.set(origin, { site: origin, origin, pattern: null, mode: 'on' });
    }
    for (const setting of settings) {
      const row = byOrigin.get(setting.origin);
      if (row) row.mode = setting.mode;
      else
        byOrigin.set(setting.origin, {
          site: setting.origin,
          origin: setting.origin,
          pattern: null,
          mode: setting.mode,
        });
    }
    rows.value = [...byOrigin.values(), ...many].sort((a, b) => a.site.localeCompare(b.site));
  }

  /** Must run inside the click that asked for it: the browser only asks the user then. */
  async function allow() {
    error.value = null;
    const pattern = deps.toPattern(input.value.trim());
    if (!pattern) {
      message.value = t('dashboard_enter_web_address');
      return;
    }
    try {
      const granted = await deps.allow(pattern);
      message.value = granted
        ? t('dashboard_now_runs_on', pattern)
        : t('dashboard_access_not_granted', pattern);
      if (granted) input.value = '';
    } catch (failure) {
      error.value = t('dashboard_access_not_granted_because', pattern, errorMessage(failure));
    }
    await refresh();
  }

  async function revoke(pattern: string) {
    error.value = null;
    try {
      await deps.revoke(pattern);
      message.value = t('dashboard_no_longer_runs_on', pattern);
    } catch (failure) {
      error.value = t('dashboard_access_not_removed', pattern, errorMessage(failure));
    }
    await refresh();
  }

  /** Saves what Tally does on `origin`; true once saved. */
  async function setMode(origin: string, mode: SiteMode): Promise<boolean> {
    error.value = null;
    try {
      message.value = await saveSiteMode(deps.db, deps.notifySiteChanged, origin, mode);
      shown.add(origin);
      return true;
    } catch (failure) {
      error.value = t('dashboard_site_setting_not_saved', origin, errorMessage(failure));
      return false;
    } finally {
      await refresh();
    }
  }

  /** Keeps Tally from ever capturing on a site, allowed or not, typed by its address. */
  async function neverCapture() {
    const pattern = deps.toPattern(neverInput.value.trim());
    const origin = pattern && patternOrigin(pattern);
    if (!origin) {
      error.value = null;
      message.value = t('dashboard_enter_web_address');
      return;
    }
    if (await setMode(origin, 'never-capture')) neverInput.value = '';
  }

  return { rows, input, neverInput, message, error, refresh, allow, revoke, setMode, neverCapture };
}

export type SiteAccessModel = ReturnType<typeof createSiteAccessModel>;
