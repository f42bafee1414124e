/**
 * A buy-back's screen is the dashboard under its own address, `#buy-back=<id>`: a link from the
 * list, a tab opened from the sidebar and a reload all land on it.
 */
export function buyBackHref(id: string): string {
  return `#buy-back=${encodeURIComponent(id)}`;
}

/** The buy-back an address hash names, or null for the dashboard itself. */
export function buyBackInHash(hash: string): string | null {
  const match = /^#buy-back=([^&]+)$/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
