/**
 * Registers the service worker that keeps the app for offline use (web/service-worker.ts). It
 * sits beside the pages, so its scope is the app's folder whatever path the site is served under.
 */
export function keepOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  // The page this one replaced may have been the last of an older build: its cache can go.
  navigator.serviceWorker.controller?.postMessage('page-loaded');
  navigator.serviceWorker
    .register(new URL('./service-worker.js', location.href))
    .catch((error: unknown) => console.warn('Tally: offline use is not available here.', error));
}
