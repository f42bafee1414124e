/** A contact's screen is the dashboard under its own address, `#contact=<id>`. */
export function contactHref(id: string): string {
  return `#contact=${encodeURIComponent(id)}`;
}

/** The contact an address hash names, or null for any other screen. */
export function contactInHash(hash: string): string | null {
  const match = /^#contact=([^&]+)$/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
