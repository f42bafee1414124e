/** Shared by the demo server tests: a server per test file, plain GETs, and a scripted browser. */
import { Browser, Window, type BrowserPage } from 'happy-dom';
import { afterAll, beforeAll } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';

export interface Fetched {
  status: number;
  headers: Headers;
  text: string;
}

export interface DemoUnderTest {
  readonly url: string;
  get(path: string): Promise<Fetched>;
  json<T>(path: string): Promise<{ status: number; body: T }>;
  /** Switches a back office's redesign on this test file's server. */
  redesign(backOffice: string, on: boolean): Promise<void>;
}

/** Starts a server on a free port for this test file and stops it afterwards. */
export function useDemoServer(): DemoUnderTest {
  let server: DemoServer | undefined;
  beforeAll(async () => {
    server = await startDemoServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });
  const origin = () => {
    if (!server) throw new Error('the demo server is not running');
    return server.url;
  };
  const get = async (path: string): Promise<Fetched> => {
    const response = await fetch(origin() + path, { redirect: 'manual' });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return {
    get url() {
      return origin();
    },
    get,
    async json<T>(path: string) {
      const { status, text } = await get(path);
      return { status, body: JSON.parse(text) as T };
    },
    async redesign(backOffice, on) {
      const { status } = await get(`/__demo/redesign?backOffice=${backOffice}&on=${on ? 1 : 0}`);
      if (status !== 200) throw new Error(`redesign switch answered ${status}`);
    },
  };
}

/**
 * A headless browser that runs the demo's own client scripts (happy-dom with JavaScript on). Only the
 * demo server's scripts run in it: the hostile names in the data are text, never code.
 */
export function scriptedBrowser(): { open(url: string): Promise<BrowserPage>; close(): Promise<void> } {
  const browser = new Browser({
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  return {
    async open(url) {
      const page = browser.newPage();
      await page.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

/** Opening tags, which is what the DOM would hold as elements (give or take the implied tbody). */
export function countElements(markup: string): number {
  return markup.match(/<[a-zA-Z]/g)?.length ?? 0;
}

/** Polls until `condition` holds: for what a page's scripts do after a popstate. */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Served HTML as a document the adapters can read (happy-dom, no scripts run). */
export function parseHtml(markup: string, url: string): Document {
  const window = new Window({ url });
  return new window.DOMParser().parseFromString(markup, 'text/html') as unknown as Document;
}
