// Keeps the web app for offline use: at install, every file of the build (the list is written in
// at build time, build/web-precache.ts); afterwards the app is served from that cache, and the
// network only for what it does not hold. A new build is a new cache; the old one is dropped.
// No imports: this file is the whole worker.
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
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as ServiceWorkerScope;

const PRECACHE: { version: string; files: string[] } = __TALLY_PRECACHE__;
const CACHE = `tally-${PRECACHE.version}`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('tally-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== worker.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // "./" and "./?x" are the dashboard; the query is no part of which file it is.
      const cached = await cache.match(request, { ignoreSearch: true });
      return cached ?? fetch(request);
    }),
  );
});
