/** package.json's version, written in by the web build (web/vite.config.ts). */
declare const __TALLY_VERSION__: string;

declare module 'virtual:tally-messages' {
  /** One loader per shipped language (build/web-messages.ts). */
  export const loaders: Record<string, () => Promise<{ default: Record<string, string> }>>;
}

/** The service worker's file list, written in at build time (build/web-precache.ts). */
declare const __TALLY_PRECACHE__: { version: string; files: string[] };
