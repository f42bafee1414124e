/**
 * The demo back-office server: node:http only, bound to 127.0.0.1, serving every registered back office
 * from one seeded data set. Used by the unit tests, the e2e tests, `npm run demo:server` and the bench.
 *
 * One demo control lives beside the back offices: `GET /__demo/redesign?backOffice=<id>&on=1` (or `on=0`)
 * switches that back office's redesign on or off for this server instance, so tests can prove that a
 * page Tally learned to read, and then changed, is reported as broken. `GET /__demo/redesign` alone
 * answers the current state as JSON.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { htmlResponse, jsonResponse, type DemoBackOffice, type DemoResponse } from './backoffice';
import { demoBackOffices } from './backoffices/index';
import { EMBED_CUSTOMER_PATH, embedCustomerScript, withEmbed } from './embed-host';
import { html, htmlPage } from './html';
import { generateDemoData } from './seed';
import { createDemoStore, type DemoStore } from './store';

export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly seed?: number;
  /**
   * The web app's origin (`http://127.0.0.1:5180`): every HTML page embeds Tally's sidebar from
   * there and tells it the customer on screen (embed-host.ts). Off by default.
   */
  readonly embedTally?: string;
}

export interface DemoServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:5178`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const data = createDemoStore(generateDemoData(opts.seed ?? 42));
  // Per instance, so that two servers (two test files) never see each other's switches.
  const redesigned = new Set<string>();
  const server = createServer((req, res) => {
    // The forms' bodies are never read; draining them keeps keep-alive connections usable.
    req.resume();
    const page = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer =
      opts.embedTally && page.pathname === EMBED_CUSTOMER_PATH ? embedCustomerScript(page, data) : null;
    const plain = answer ?? respond(req, data, redesigned);
    const response = opts.embedTally ? withEmbed(plain, page, opts.embedTally) : plain;
    if (response.delayMs) setTimeout(() => send(req, res, response), response.delayMs);
    else send(req, res, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets (a browser's, say) would otherwise hold close() open.
        server.closeIdleConnections();
      }),
  };
}

function respond(req: IncomingMessage, data: DemoStore, redesigned: Set<string>): DemoResponse {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  try {
    if (url.pathname === '/') return htmlResponse(indexPage(demoBackOffices));
    if (url.pathname === '/__demo/redesign') return switchRedesign(url, redesigned);
    // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
    if (url.pathname === '/favicon.ico') return { status: 204, contentType: 'text/plain', body: '' };
    // One spelling per page: /rep/customers/ → /rep/customers, keeping the query.
    if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
      const location = url.pathname.replace(/\/+$/, '') + url.search;
      return { status: 308, contentType: 'text/plain', body: '', headers: { Location: location } };
    }
    const backOffice = demoBackOffices.find(
      (candidate) => url.pathname === candidate.basePath || url.pathname.startsWith(`${candidate.basePath}/`),
    );
    const state = { redesigned: backOffice ? redesigned.has(backOffice.id) : false };
    return backOffice?.handle(req, url, data, state) ?? htmlResponse(notFoundPage(url.pathname), 404);
  } catch (error) {
    console.error(error);
    return { status: 500, contentType: 'text/plain', body: 'Internal server error\n' };
  }
}

/** `?backOffice=crm&on=1` switches the Acme CRM redesign on; no parameters reads the state. */
function switchRedesign(url: URL, redesigned: Set<string>): DemoResponse {
  const id = url.searchParams.get('backOffice');
  const on = url.searchParams.get('on');
  if (id !== null || on !== null) {
    if (!demoBackOffices.some((backOffice) => backOffice.id === id && backOffice.redesign)) {
      const known = redesignable().join(', ');
      return jsonResponse({ error: `backOffice must be one of ${known}` }, 400);
    }
    if (on !== '1' && on !== '0') return jsonResponse({ error: 'on must be 1 or 0' }, 400);
    if (on === '1') redesigned.add(id ?? '');
    else redesigned.delete(id ?? '');
  }
  return jsonResponse(Object.fromEntries(redesignable().map((known) => [known, redesigned.has(known)])));
}

function redesignable(): string[] {
  return demoBackOffices.filter((backOffice) => backOffice.redesign).map((backOffice) => backOffice.id);
}

function send(req: IncomingMessage, res: ServerResponse, response: DemoResponse): void {
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, {
    ...response.headers,
    'Content-Type': `${response.contentType}; charset=utf-8`,
    'Content-Length': body.byteLength,
    // Tests re-seed and restart the server on the same port; a cached page would be the old data.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function indexPage(backOffices: readonly DemoBackOffice[]): string {
  return htmlPage({
    title: 'Tally demo back offices',
    head: html`<style>
      body {
        font:
          15px/1.5 system-ui,
          sans-serif;
        max-width: 760px;
        margin: 40px auto;
        padding: 0 20px;
        color: #1f2933;
      }
      section {
        border: 1px solid #dde3ea;
        border-radius: 6px;
        padding: 4px 18px 12px;
        margin-bottom: 16px;
      }
    </style>`,
    body: html`<main>
      <h1>Tally demo back offices</h1>
      <p>Local imitations of vendor back offices, with seeded data. Nothing here is real.</p>
      ${backOffices.map(
        (backOffice) =>
          html`<section>
            <h2><a href="${backOffice.pages[0]?.path ?? backOffice.basePath}">${backOffice.title}</a></h2>
            <p>${backOffice.description}</p>
            <ul>
              ${backOffice.pages.map((page) => html`<li><a href="${page.path}">${page.label}</a></li>`)}
            </ul>
            ${
              backOffice.redesign
                ? html`<p>
                    Redesign (${backOffice.redesign}):
                    <a href="/__demo/redesign?backOffice=${backOffice.id}&amp;on=1">switch on</a> ·
                    <a href="/__demo/redesign?backOffice=${backOffice.id}&amp;on=0">switch off</a>
                  </p>`
                : ''
            }
          </section>`,
      )}
    </main>`,
  });
}

function notFoundPage(pathname: string): string {
  return htmlPage({
    title: 'Not found',
    body: html`<main>
      <h1>404 — Not found</h1>
      <p>Nothing lives at <code>${pathname}</code>. <a href="/">All demo back offices</a></p>
    </main>`,
  });
}
