import { defineConfig } from 'wxt';
import { noCodeFromStrings, UNUSED_JSPDF_MODULES, UNUSED_MODULE_STUB } from './build/no-code-from-strings';
import { languages, readCatalog } from './locales/catalogs';
import { DEV_BACK_OFFICE_MATCHES } from './src/domain/back-office-origins';
import { browserMessages } from './src/domain/locale-catalog';

// https://wxt.dev/api/config.html
export default defineConfig({
  // No auto-imports: every file says where its names come from.
  imports: false,
  // TALLY_OUTPUT lets two builds (say, a bench and an e2e run) live side by side.
  outDir: process.env.TALLY_OUTPUT ?? '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    // Every user-facing text goes through the browser's i18n messages (locales/, merged below).
    default_locale: 'en',
    // contextMenus: "Capture as contact" on selected text. activeTab: the toolbar popup reads
    // the current tab's origin to offer "Enable Tally on this site". sidePanel: Chrome's side
    // panel (Firefox's sidebar_action needs no permission). alarms: wakes the worker every 30 s
    // while a reconcile job is unfinished, so a stopped worker resumes it. downloads: notices a
    // CSV downloaded from a back office Tally runs on, to offer reconciling it (it reads the
    // download's name and address, never the file).
    permissions: [
      'storage',
      'scripting',
      'contextMenus',
      'activeTab',
      'alarms',
      'downloads',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // The toolbar button opens the popup (entrypoints/popup): this site's settings, the dashboard.
    // Its title is the popup page's <title>, "Tally", a name in every language.
    action: {},
    commands: {
      'capture-contact': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_manifest_capture_contact__',
      },
    },
    // The demo back office and local development servers work out of the box; every other
    // back office is enabled by the user at run time, per origin (see src/ui/settings).
    host_permissions: [...DEV_BACK_OFFICE_MATCHES],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [
      // Only the sidebar document: the page may frame it, but cannot read it (cross-origin).
      { resources: ['sidebar.html'], matches: ['<all_urls>'] },
    ],
    // The sidebar page also fills the browser's own side panel, following the active tab. WXT
    // maps only entrypoints named `sidepanel` to these keys; ours is `sidebar` (it is framed in
    // pages too), so the keys are written here, one page for both places.
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidebar.html', default_title: '__MSG_manifest_name__' },
          browser_specific_settings: {
            // Firefox needs a fixed id for MV3 (storage and permissions are keyed by it), and
            // a statement of data collection: Tally collects none; nothing leaves the machine.
            gecko: { id: 'tally@tally.invalid', data_collection_permissions: { required: ['none'] } },
          },
        }
      : { side_panel: { default_path: 'sidebar.html' } }),
  }),
  hooks: {
    // locales/<lang>/<area>.json (one file per area, small and owned) become the one
    // _locales/<lang>/messages.json each browser reads.
    'build:publicAssets': (_wxt, files) => {
      for (const language of languages()) {
        files.push({
          relativeDest: `_locales/${language}/messages.json`,
          contents: JSON.stringify(browserMessages(readCatalog(language))),
        });
      }
    },
  },
  vite: () => ({
    build: { sourcemap: false },
    plugins: [noCodeFromStrings()],
    resolve: { alias: Object.fromEntries(UNUSED_JSPDF_MODULES.map((name) => [name, UNUSED_MODULE_STUB])) },
  }),
  experimental: {
    // Vite 8 minifies Dexie's String.fromCharCode(65535) to a raw U+FFFF, and Chromium then
    // refuses the script as not UTF-8: the extension silently fails to load.
    escapeUnicode: true,
  },
});
