/**
 * Whether a finished download is a back office's CSV export that Tally should offer to reconcile.
 * Pure: the worker (reconcile-worker.ts) gathers the facts from the browser.
 */

/** The parts of a `downloads.DownloadItem` the decision reads; all set by the browser. */
export interface DownloadFacts {
  /** The absolute path the file was saved to. */
  filename: string;
  url?: string;
  finalUrl?: string;
  referrer?: string;
  /** Set when an extension started the download (Tally's own exports among them). */
  byExtensionId?: string;
}

export interface BackOfficeSites {
  /** Match patterns of the origins Tally runs on ("https://crm.example.com/*", "http://localhost/*"). */
  patterns: readonly string[];
  /** Origins the user turned Tally off on. */
  off: ReadonlySet<string>;
}

/**
 * The offer to make for a download, or null: a .csv file fetched from (or, for a blob or data
 * URL, referred by) an origin Tally runs on and is not turned off on, whose name does not say it
 * is another list (see namesAnotherList). Downloads an extension started are never offered:
 * Tally's own exports are CSV files too.
 */
export function reconcileOfferFor(
  download: DownloadFacts,
  sites: BackOfficeSites,
): { fileName: string; origin: string } | null {
  if (download.byExtensionId !== undefined) return null;
  const fileName = baseName(download.filename);
  if (!/\.csv$/i.test(fileName) || namesAnotherList(fileName)) return null;
  for (const address of [download.finalUrl, download.url, download.referrer]) {
    const origin = webOrigin(address);
    if (origin === null) continue;
    if (sites.off.has(origin)) return null;
    if (sites.patterns.some((pattern) => patternMatchesOrigin(pattern, origin))) return { fileName, origin };
  }
  return null;
}

// Words of the other lists back offices export beside their orders (Shopify: products_export_1.csv,
// customers_export.csv, inventory_export_1.csv; the demo back office: products.csv) ...
const OTHER_LISTS = new Set([
  'product',
  'products',
  'catalog',
  'catalogue',
  'inventory',
  'stock',
  'contact',
  'contacts',
  'customer',
  'customers',
  'client',
  'clients',
  'supplier',
  'suppliers',
  'vendor',
  'vendors',
  'pricelist',
]);
// ... unless the name also speaks of sales: "customer-orders.csv", "sales-by-product.csv".
const ORDER_WORDS = new Set([
  'order',
  'orders',
  'sale',
  'sales',
  'transaction',
  'transactions',
  'invoice',
  'invoices',
  'receipt',
  'receipts',
]);

/**
 * Whether a file's name says it is a list of something other than orders: offering to reconcile
 * the products export downloaded beside the orders would only lead to a file that is refused.
 * A name that says neither ("export (3).csv") is offered; the file's header decides once chosen.
 */
export function namesAnotherList(fileName: string): boolean {
  const words = fileName
    .replace(/\.csv$/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  return words.some((word) => OTHER_LISTS.has(word)) && !words.some((word) => ORDER_WORDS.has(word));
}

/** "C:\\Users\\me\\Downloads\\orders.csv" or "/home/me/orders.csv" → "orders.csv". */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The http(s) origin an address belongs to; a blob URL belongs to the origin that made it
 * ("blob:https://crm.example.com/…"). Null for anything else (data URLs have no origin).
 */
function webOrigin(address: string | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address.startsWith('blob:') ? address.slice('blob:'.length) : address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a match pattern's scheme and host cover an origin, as the browser reads host
 * permissions: "*" is any host, "*.example.com" the domain and its subdomains, and a host
 * without a port matches every port.
 */
export function patternMatchesOrigin(pattern: string, origin: string): boolean {
  const parts = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', hostPart = ''] = parts;
  const url = new URL(origin);
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : scheme !== protocol) return false;
  const [host = '', port] = splitPort(hostPart);
  if (port !== undefined && port !== '*' && port !== (url.port || defaultPort(protocol))) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
  }
  return url.hostname === host;
}

function splitPort(hostPart: string): [string, string | undefined] {
  // An IPv6 host is bracketed: "[::1]:8080".
  const colon = hostPart.lastIndexOf(':');
  if (colon === -1 || hostPart.endsWith(']')) return [hostPart, undefined];
  return [hostPart.slice(0, colon), hostPart.slice(colon + 1)];
}

function defaultPort(protocol: string): string {
  return protocol === 'https' ? '443' : '80';
}
