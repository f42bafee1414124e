/**
 * A purchase order's screen is the dashboard under its own address, `#purchase-order=<id>`: the
 * supplier's list, `New purchase order` and a reload all land on it.
 */
export function purchaseOrderHref(id: string): string {
  return `#purchase-order=${encodeURIComponent(id)}`;
}

/** The purchase order an address hash names, or null for any other screen. */
export function purchaseOrderInHash(hash: string): string | null {
  const match = /^#purchase-order=([^&]+)$/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
