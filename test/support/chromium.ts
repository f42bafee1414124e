import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page, type Target } from 'puppeteer';
import { egressFailure, startEgressRecorder, type EgressRecorder } from './network-egress';

/** The built extension; TALLY_OUTPUT as in wxt.config.ts. */
export const EXTENSION_DIR = resolve(process.env.TALLY_OUTPUT ?? '.output', 'chrome-mv3');

/** Debian's Chromium, or CHROME_PATH; a clear sentence when it is missing. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's Chromium with "sudo apt-get install -y chromium", ` +
        'or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

/** Chromium with a fresh profile, a download folder and the egress watch (network-egress.ts). */
export interface LaunchedChromium {
  browser: Browser;
  downloadDir: string;
  /** Every request that tried to leave the machine; `close()` fails the test if any did. */
  egress: EgressRecorder;
  close(): Promise<void>;
}

export interface TallyBrowser extends LaunchedChromium {
  extensionId: string;
  extensionOrigin: string;
}

export interface LaunchOptions {
  headless: boolean;
  /** The browser's UI language ("fr"), which chrome.i18n and Tally's texts follow; English by default. */
  language?: string;
}

/**
 * Launches Chromium with the built extension loaded, a fresh profile and a download folder.
 * `extraExtensions` loads more unpacked extensions beside Tally (an attacker, say).
 */
export async function launchWithTally(
  options: LaunchOptions & { extraExtensions?: string[] },
): Promise<TallyBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const chromium = await launchChromium({
    ...options,
    extensions: [EXTENSION_DIR, ...(options.extraExtensions ?? [])],
  });
  const tallyWorker = (target: Target) =>
    target.type() === 'service_worker' &&
    target.url().startsWith('chrome-extension://') &&
    // Another extension loaded beside Tally has a worker too: Tally's is the one whose
    // script the built extension holds (its path is the same in every build).
    target.url().endsWith('/background.js');
  const worker = await chromium.browser.waitForTarget(tallyWorker, { timeout: 20_000 });
  // URL.origin is "null" for chrome-extension: in Node (not a special scheme); build it.
  const extensionId = new URL(worker.url()).host;
  return { ...chromium, extensionId, extensionOrigin: `chrome-extension://${extensionId}` };
}

/**
 * Launches Chromium with a fresh profile and a download folder, and no extension unless given
 * (the web app's tests). The flags keep Chromium off the network, which is closed here anyway;
 * every request for a non-loopback host goes to the egress recorder (network-egress.ts) and
 * `close()` fails if any did.
 */
export async function launchChromium(
  options: LaunchOptions & { extensions?: string[] },
): Promise<LaunchedChromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tally-profile-'));
  const downloadDir = await mkdtemp(join(tmpdir(), 'tally-downloads-'));
  const egress = await startEgressRecorder();
  const extensions = options.extensions?.join(',');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: options.headless,
    userDataDir,
    ...(extensions ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    defaultViewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(extensions ? [`--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`] : []),
      // Loopback (the demo back offices) bypasses the proxy; anything else is recorded, refused.
      `--proxy-server=${egress.proxy}`,
      '--window-size=1400,900',
      ...(options.language ? [`--lang=${options.language}`] : []),
    ],
    // On Linux, Chromium's UI language (chrome.i18n.getUILanguage, navigator.language) comes from
    // LANGUAGE, and only for languages whose locale pack is installed (Debian: chromium-l10n);
    // --lang alone switches the extension's messages but leaves getUILanguage() at en-US.
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language } } : {}),
  });
  // Watch every context from the start: the worker may already be running.
  await egress.watch(browser);
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadDir });
  return {
    browser,
    downloadDir,
    egress,
    async close() {
      await browser.close();
      await egress.close();
      await rm(userDataDir, { recursive: true, force: true });
      await rm(downloadDir, { recursive: true, force: true });
      const leaked = egress.requests();
      if (leaked.length > 0) throw egressFailure(leaked);
    },
  };
}

/** Waits for a finished download whose name matches, and returns its path. */
export async function waitForDownload(dir: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = (await readdir(dir)).find((name) => pattern.test(name) && !name.endsWith('.crdownload'));
    if (done) return join(dir, done);
    await new Promise((settle) => setTimeout(settle, 100));
  }
  throw new Error(`No download matching ${pattern} in ${dir} after ${timeoutMs} ms.`);
}

/** The Tally sidebar frame inside `page` (an extension page in an out-of-process iframe). */
export async function sidebarFrame(page: Page, extensionOrigin: string): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const frame = page
      .frames()
      .find((candidate) => candidate.url().startsWith(`${extensionOrigin}/sidebar.html`));
    if (frame) return frame;
    await new Promise((settle) => setTimeout(settle, 25));
  }
  throw new Error('The Tally sidebar frame did not appear.');
}

/**
 * The Tally sidebar in the browser's own side panel: a top-level extension page of its own
 * (a target of type "page"), unlike the docked sidebar, which is a frame inside the back office.
 */
export async function sidePanelPage(tally: TallyBrowser): Promise<Page> {
  const target = await tally.browser.waitForTarget(
    (candidate) =>
      candidate.type() === 'page' && candidate.url().startsWith(`${tally.extensionOrigin}/sidebar.html`),
    { timeout: 15_000 },
  );
  return target.asPage();
}

/**
 * Stops the extension's service worker, as the browser does after 30 s idle (while puppeteer is
 * attached the worker would otherwise stay alive and hide bugs that only show after a restart),
 * and waits for that worker to end. A fresh one may start at once for an event already on its
 * way (a tab's late report, the side panel asking): memory is lost all the same.
 */
export async function stopServiceWorker(tally: TallyBrowser): Promise<void> {
  const isWorker = (candidate: Target) =>
    candidate.type() === 'service_worker' && candidate.url().startsWith(tally.extensionOrigin);
  // No worker running: it is stopped already, which is what the caller wants.
  const target = tally.browser.targets().find(isWorker);
  if (!target) return;
  let onDestroyed: ((destroyed: Target) => void) | undefined;
  const ended = new Promise<void>((resolve) => {
    onDestroyed = (destroyed) => {
      if (destroyed === target) resolve();
    };
    tally.browser.on('targetdestroyed', onDestroyed);
    if (!tally.browser.targets().includes(target)) resolve();
  });
  const timeout = (what: string) =>
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), 10_000).unref());
  try {
    await tally.egress.unwatch(target);
    // It may end by itself meanwhile: then there is no worker left to close.
    const worker = await Promise.race([
      target.worker().catch(() => null),
      ended.then(() => null),
      timeout('The service worker could not be reached.'),
    ]);
    await worker?.close().catch(() => undefined);
    await Promise.race([ended, timeout('The service worker did not stop.')]);
  } finally {
    if (onDestroyed) tally.browser.off('targetdestroyed', onDestroyed);
  }
}
