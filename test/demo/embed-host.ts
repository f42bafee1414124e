/**
 * The demo back offices as hosts that embed Tally's web sidebar (`npm run demo:web`, the e2e test
 * web-embed.test.ts): each HTML page gains the one script tag a back office adds, and a small
 * script of the demo's own that tells Tally which customer the page shows, as a real back office
 * would with `Tally.showCustomer`. Customers are known on the server-rendered customer pages of
 * Acme CRM and the repair shop; every other page says no customer is on screen.
 */
import type { DemoResponse } from './backoffice';
import { html } from './html';
import type { DemoStore } from './store';

/** Where the demo's customer script is served; `?page=` is the path of the page it was written in. */
export const EMBED_CUSTOMER_PATH = '/__demo/embed-customer.js';

interface EmbedCustomer {
  id: string;
  name: string;
  email?: string;
  phone?: string;
}

/** `page` with the embed's two script tags before its closing body tag (HTML pages only). */
export function withEmbed(response: DemoResponse, page: URL, tallyOrigin: string): DemoResponse {
  if (response.contentType !== 'text/html' || response.status !== 200) return response;
  const end = response.body.lastIndexOf('</body>');
  if (end < 0) return response;
  const customerScript = `${EMBED_CUSTOMER_PATH}?page=${encodeURIComponent(page.pathname + page.search)}`;
  const tags = html`<script src="${tallyOrigin}/embed.js" defer></script>
    <script src="${customerScript}" defer></script>`;
  return {
    ...response,
    body: `${response.body.slice(0, end)}${tags.toString()}\n${response.body.slice(end)}`,
  };
}

/** The demo's own script: `Tally.showCustomer(…)` with the customer the named page shows. */
export function embedCustomerScript(url: URL, data: DemoStore): DemoResponse {
  const page = new URL(url.searchParams.get('page') ?? '/', 'http://127.0.0.1');
  // JSON is a JavaScript expression; served as a file of its own, no markup can end it early.
  const customer = JSON.stringify(customerOnPage(page, data));
  return {
    status: 200,
    contentType: 'text/javascript',
    body: `if (window.Tally) window.Tally.showCustomer(${customer});\n`,
  };
}

function customerOnPage(page: URL, data: DemoStore): EmbedCustomer | null {
  const crmId = /^\/crm\/clients\/([^/]+)$/.exec(page.pathname)?.[1];
  const found =
    crmId !== undefined
      ? data.crmClientById.get(decodeURIComponent(crmId))
      : page.pathname === '/repair/customer'
        ? data.repairCustomerById.get(page.searchParams.get('id') ?? '')
        : undefined;
  if (!found) return null;
  return {
    id: found.id,
    name: found.name,
    ...(found.email ? { email: found.email } : {}),
    ...(found.phone ? { phone: found.phone } : {}),
  };
}
