// Keeps the web app for offline use: at install, every file of the build (the list is written in
// at build time, build/web-precache.ts); afterwards the app is served from that cache, and the
// network only for what it does not hold. A new build is a new cache and takes over at once; the
// old cache is dropped once no page opened under the old build is left, since such a page still
// asks for the old build's files (a language, a screen loaded on demand) that the host no longer
// has. No imports: this file is the whole worker.
export {};

// The few service-worker types used here (the project compiles against the DOM library, whose
// `self` is a Window).
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly clients: {
    claim(): Promise<void>;
    get(id: string): Promise<unknown>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<{ id: string }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: 'install' | 'activate' | 'message',
    listener: (event: ExtendableEvent) => void,
  ): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as ServiceWorkerScope;

const PRECACHE: { version: string; files: string[] } = __TALLY_PRECACHE__;
const CACHE = `tally-${PRECACHE.version}`;

/**
 * Where the pages open when this build took over are remembered: in the cache itself, since the
 * browser stops an idle worker and its memory with it.
 */
const OLD_PAGES = new URL('./tally-pages-of-old-builds', worker.location.href).href;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Past any HTTP cache: a host may let browsers keep a page for a while, and an old page
      // with this build's scripts would not run.
      .then((cache) => cache.addAll(PRECACHE.files.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await worker.clients.claim();
      const open = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const cache = await caches.open(CACHE);
      await cache.put(OLD_PAGES, Response.json(open.map((client) => client.id)));
      await dropOldBuilds();
    })(),
  );
});

// A page of the app tells the worker it has loaded (web/offline.ts): the page it replaced may
// have been the last one of an old build.
worker.addEventListener('message', (event) => event.waitUntil(dropOldBuilds()));

/** Deletes the caches of older builds once none of the pages opened under them is left. */
async function dropOldBuilds(): Promise<void> {
  const cache = await caches.open(CACHE);
  const remembered: unknown = await (await cache.match(OLD_PAGES))?.json();
  const ids = Array.isArray(remembered) ? remembered.filter((id) => typeof id === 'string') : [];
  const left = await Promise.all(ids.map((id: string) => worker.clients.get(id)));
  if (left.some((client) => client !== undefined)) return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith('tally-') && name !== CACHE).map((name) => caches.delete(name)),
  );
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== worker.location.origin) return;
  event.respondWith(
    (async () => {
      // "./" and "./?x" are the dashboard; the query is no part of which file it is. A page of an
      // older build still open asks for its own files, which that build's cache holds.
      const cached =
        (await (await caches.open(CACHE)).match(request, { ignoreSearch: true })) ??
        (await caches.match(request, { ignoreSearch: true }));
      return cached ?? fetch(request);
    })(),
  );
});
