import { signal } from '@preact/signals';

export interface SiteAccessDeps {
  list(): Promise<string[]>;
  allow(pattern: string): Promise<boolean>;
  revoke(pattern: string): Promise<void>;
  toPattern(input: string): string | null;
}

/** The back-office sites the user has let Tally run on, beyond the local demo. */
export function createSiteAccessModel(deps: SiteAccessDeps) {
  const sites = signal<string[]>([]);
  const input = signal('');
  const message = signal<string | null>(null);

  async function refresh() {
    sites.value = await deps.list();
  }

  /** Must run inside the click that asked for it: the browser only asks the user then. */
  async function allow() {
    const pattern = deps.toPattern(input.value.trim());
    if (!pattern) {
      message.value = 'Enter a web address such as https://backoffice.example.com.';
      return;
    }
    const granted = await deps.allow(pattern);
    message.value = granted ? `Tally now runs on ${pattern}.` : `Access to ${pattern} was not granted.`;
    if (granted) input.value = '';
    await refresh();
  }

  async function revoke(pattern: string) {
    await deps.revoke(pattern);
    message.value = `Tally no longer runs on ${pattern}.`;
    await refresh();
  }

  return { sites, input, message, refresh, allow, revoke };
}

export type SiteAccessModel = ReturnType<typeof createSiteAccessModel>;
