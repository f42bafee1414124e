// The web app works offline once loaded: its service worker keeps every file of the build. The
// list (and a version made from it) is written into the worker at build time, so a new build is
// a new cache and an old one is dropped.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** The text in web/service-worker.ts that becomes the list of files. */
export const PRECACHE_PLACEHOLDER = '__TALLY_PRECACHE__';

export function webPrecache(serviceWorkerFile: string): Plugin {
  return {
    name: 'tally-web-precache',
    apply: 'build',
    // After every other plugin: the pages (index.html, sidebar.html) enter the bundle only in
    // Vite's own HTML step, which runs after ordinary plugins; without them the sidebar page
    // would not open offline.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const worker = bundle[serviceWorkerFile];
      if (worker?.type !== 'chunk') this.error(`${serviceWorkerFile} is missing from the web build.`);
      const files = Object.keys(bundle)
        .filter((name) => name !== serviceWorkerFile)
        .sort();
      const hash = createHash('sha256');
      for (const name of files) {
        const item = bundle[name];
        hash.update(name).update(item?.type === 'chunk' ? item.code : String(item?.source ?? ''));
      }
      const precache = { version: hash.digest('hex').slice(0, 16), files: ['./', ...files] };
      if (!worker.code.includes(PRECACHE_PLACEHOLDER))
        this.error('The service worker lost its precache placeholder.');
      worker.code = worker.code.replace(PRECACHE_PLACEHOLDER, JSON.stringify(precache));
    },
  };
}
