/** Origins Tally runs on without asking: local servers, where the demo back office lives. */
export const DEV_BACK_OFFICE_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

/**
 * The web origin of a back-office address as a user types or pastes it ("crm.example.com",
 * "https://crm.example.com/customers/42"): https unless the address names its scheme; null for
 * anything that is not an http(s) address. One reading for the extension's site access and the
 * web app's embedding list.
 */
export function typedWebOrigin(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
