import { browser } from 'wxt/browser';
import { DEV_BACK_OFFICE_MATCHES, typedWebOrigin } from '../domain/back-office-origins';

/**
 * Back offices beyond the local demo are enabled by the user at run time, one origin at a time:
 * the browser asks for the host permission, then Tally registers its content script there.
 */
const SCRIPT_ID = 'tally-back-offices';
const CONTENT_SCRIPT = 'content-scripts/content.js';

/** "https://crm.example.com/customers/1" → "https://crm.example.com/*"; null if not http(s). */
export function originPattern(input: string): string | null {
  const origin = typedWebOrigin(input);
  return origin ? `${origin}/*` : null;
}

/** The origins the user has allowed, beyond the built-in local ones. */
export async function allowedBackOffices(): Promise<string[]> {
  const granted = await browser.permissions.getAll();
  const builtIn = new Set<string>(DEV_BACK_OFFICE_MATCHES);
  return (granted.origins ?? []).filter((origin) => !builtIn.has(origin));
}

/** Asks the browser for `pattern` (must run in a click handler) and runs Tally there. */
export async function allowBackOffice(pattern: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (granted) await restoreSiteAccess();
  return granted;
}

export async function revokeBackOffice(pattern: string): Promise<void> {
  await browser.permissions.remove({ origins: [pattern] });
  await restoreSiteAccess();
}

/** Makes the registered content script match exactly the allowed origins. */
export async function restoreSiteAccess(): Promise<void> {
  const origins = await allowedBackOffices();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, js: [CONTENT_SCRIPT], matches: origins, runAt: 'document_start' },
  ]);
}
