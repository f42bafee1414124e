import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Browser, CDPSession, Target } from 'puppeteer';

/**
 * Everything that tried to leave the machine during an e2e run, seen two ways:
 *
 * 1. Chromium's proxy is this recorder (test/support/chromium.ts): every request for a host other
 *    than loopback comes here and is refused after being written down, whatever context made it.
 *    Loopback (the demo back offices) bypasses any proxy in Chromium, so the tests' servers work.
 *    The browser's own services (network time, component updates, Google sign-in, autofill) also
 *    call Google from the browser process, with no page or worker behind them: requests for
 *    BROWSER_SERVICE_DOMAINS are set aside here — but only here, not in 2.
 * 2. Every target — the worker, extension pages, the sidebar's out-of-process frames, the side
 *    panel, the back-office pages — is watched through CDP (Network.requestWillBeSent): any
 *    request it makes for a non-loopback http(s) or ws(s) address is recorded with the context
 *    that made it, whatever the host, Google's included.
 *
 * Nothing is forwarded: a request recorded here has already broken the promise that Tally never
 * talks to the network.
 */
export interface EgressRecorder {
  /** The proxy's address, for `--proxy-server`. */
  readonly proxy: string;
  /**
   * What was requested so far: `METHOD url (proxy)` (a CONNECT tunnel as
   * `CONNECT https://host:port (proxy)`) and `METHOD url (<target type> <target url>)`.
   */
  requests(): string[];
  /** The browser's own calls to its vendor's services, set aside (for a curious reader). */
  browserServiceRequests(): string[];
  /** Watches every target of `browser`, present and future (2 above). */
  watch(browser: Browser): Promise<void>;
  /**
   * Stops watching `target`: an attached session keeps a service worker alive, so a test that
   * stops the worker lets go of it first (its successor is watched as a new target).
   */
  unwatch(target: Target): Promise<void>;
  /** Forgets what was recorded: for the test that makes a request on purpose. */
  clear(): void;
  /** Waits until a request matching `pattern` has been recorded; returns it. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Where Chromium itself calls home from the browser process (no page or worker makes these):
 * network time, component and extension updates, Google account cookies, autofill, Safe
 * Browsing. Tally has no reason to reach any of them, and the CDP watch would still catch it.
 */
export const BROWSER_SERVICE_DOMAINS = ['google.com', 'googleapis.com', 'gvt1.com', 'gstatic.com'];

function isBrowserService(host: string): boolean {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return BROWSER_SERVICE_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

/** An address that would leave the machine: http(s) or ws(s), and not loopback. */
export function leavesMachine(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (!/^(https?|wss?):$/.test(url.protocol)) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1');
}

export async function startEgressRecorder(): Promise<EgressRecorder> {
  let recorded: string[] = [];
  const browserServices: string[] = [];
  const sockets = new Set<Socket>();
  const fromProxy = (method: string, url: string, host: string) => {
    if (isBrowserService(host)) browserServices.push(`${method} ${url}`);
    else recorded.push(`${method} ${url} (proxy)`);
  };
  const server = createServer((request: IncomingMessage, response) => {
    // A proxied request names its full URL (absolute form); a direct one only a path.
    const url = /^[a-z]+:\/\//i.test(request.url ?? '')
      ? (request.url ?? '')
      : `http://${request.headers.host}${request.url}`;
    fromProxy(request.method ?? 'GET', url, URL.canParse(url) ? new URL(url).host : '');
    response.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    response.end('Tally e2e: no network egress.');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // The browser hangs up on refused tunnels as it likes (ECONNRESET); that is no failure of
    // the test, and an 'error' without a listener would be thrown as one.
    socket.on('error', () => socket.destroy());
  });
  // HTTPS and WebSockets over a proxy start with CONNECT host:port: refuse the tunnel.
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    fromProxy('CONNECT', `https://${request.url}`, request.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    fromProxy('UPGRADE', `http://${request.headers.host}${request.url}`, request.headers.host ?? '');
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const watched = new WeakMap<Target, Promise<CDPSession | undefined>>();
  const attach = async (target: Target) => {
    try {
      const session = await target.createCDPSession();
      session.on('Network.requestWillBeSent', (event) => {
        if (!leavesMachine(event.request.url)) return;
        recorded.push(`${event.request.method} ${event.request.url} (${target.type()} ${target.url()})`);
      });
      await session.send('Network.enable');
      return session;
    } catch {
      // The target closed before it could be watched: it can make no request either.
      return undefined;
    }
  };
  const watchTarget = async (target: Target) => {
    if (watched.has(target) || ['browser', 'tab'].includes(target.type())) return;
    watched.set(target, attach(target));
    await watched.get(target);
  };
  return {
    proxy: `http://127.0.0.1:${port}`,
    requests: () => [...recorded],
    browserServiceRequests: () => [...browserServices],
    async watch(browser) {
      browser.on('targetcreated', (target: Target) => void watchTarget(target));
      await Promise.all(browser.targets().map(watchTarget));
    },
    async unwatch(target) {
      const session = await watched.get(target);
      await session?.detach().catch(() => undefined);
    },
    clear: () => {
      recorded = [];
    },
    async waitFor(pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = recorded.find((line) => pattern.test(line));
        if (found) return found;
        await new Promise((settle) => setTimeout(settle, 25));
      }
      throw new Error(`No request matching ${pattern} reached the egress recorder in ${timeoutMs} ms.`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The sentence a test fails with when something left the machine. */
export function egressFailure(requests: string[]): Error {
  return new Error(
    `Network egress: ${requests.length} request(s) tried to leave the machine during this test file ` +
      `(Tally must not talk to the network):\n${requests.map((line) => `  ${line}`).join('\n')}`,
  );
}
