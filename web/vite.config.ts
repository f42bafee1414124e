// `npm run build:web`: the sidebar and the dashboard as a static site (DESIGN.md, "Web sidebar"),
// from the same components, models and store as the extension. Relative addresses throughout,
// so the folder runs from any static host, under any path, or from 127.0.0.1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { noCodeFromStrings, UNUSED_JSPDF_MODULES, UNUSED_MODULE_STUB } from '../build/no-code-from-strings';
import { webMessages } from '../build/web-messages';
import { webPrecache } from '../build/web-precache';

const here = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(readFileSync(resolve(here, '..', 'package.json'), 'utf8')) as {
  version: string;
};
const output = resolve(here, '..', process.env.TALLY_OUTPUT ?? '.output', 'web');
/** Files host pages and browsers ask for by name: they keep it (no hash). */
const NAMED = new Set(['embed', 'service-worker']);

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  define: { __TALLY_VERSION__: JSON.stringify(packageJson.version) },
  resolve: { alias: Object.fromEntries(UNUSED_JSPDF_MODULES.map((name) => [name, UNUSED_MODULE_STUB])) },
  plugins: [noCodeFromStrings(), webMessages(), webPrecache('service-worker.js')],
  worker: { format: 'es', plugins: () => [noCodeFromStrings(), webMessages()] },
  build: {
    outDir: output,
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(here, 'index.html'),
        sidebar: resolve(here, 'sidebar.html'),
        'service-worker': resolve(here, 'service-worker.ts'),
        embed: resolve(here, 'embed.ts'),
      },
      output: {
        entryFileNames: (chunk) => (NAMED.has(chunk.name) ? '[name].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
