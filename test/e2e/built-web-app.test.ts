// The built web app, as a static host receives it (`npm run build:web`; `npm run test:e2e` builds
// it): no bundle turns strings into code or HTML, none carries the extension's code paths, every
// page carries its script policy, and the service worker keeps every file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtScripts, findInBundles } from '../support/bundle-scan';
import { EXTENSION_DIR } from '../support/chromium';
import { WEB_DIR } from '../support/web-app';

function built(dir: string, marker: string, command: string): string {
  if (!existsSync(join(dir, marker))) throw new Error(`No build in ${resolve(dir)}: run "${command}" first.`);
  return dir;
}
const web = () => built(WEB_DIR, 'index.html', 'npm run build:web');

/**
 * What only runs inside an extension, as it survives minification: wxt/browser's lookup of the
 * extension API, runtime messages, extension addresses, the side panel, host permissions, tabs
 * and extension storage. The web app reaches none of it: the differences sit behind the
 * Platform (src/ui/platform/web.ts), and the shared i18n only asks for `chrome.i18n` if it exists.
 */
const EXTENSION_ONLY: [string, RegExp][] = [
  ['wxt/browser', /globalThis\.browser\?\.runtime\?\.id/],
  ['runtime messages', /\.(sendMessage|onMessage)\b/],
  ['runtime.getURL', /\.getURL\s*\(/],
  ['side panel', /\.sidePanel\b/],
  ['host permissions', /\.permissions\.(request|contains|remove|getAll)\b/],
  ['tabs', /\.tabs\.(query|create|update|sendMessage)\b/],
  ['extension storage', /\.storage\.(session|local|sync)\b/],
];
const EXTENSION_ADDRESS: [string, RegExp] = ['extension address', /\b(chrome|moz)-extension:/];

describe('the built web app', () => {
  it('has no eval, new Function or HTML from strings in any bundle', () => {
    expect(findInBundles(web())).toEqual([]);
  });

  it('carries none of the extension’s code paths, and names no extension address', () => {
    expect(findInBundles(web(), [...EXTENSION_ONLY, EXTENSION_ADDRESS])).toEqual([]);
  });

  it('looks for the extension’s code paths in shapes the extension build really has', () => {
    // Each pattern finds its code in the Chrome package: a pattern that matched nothing there
    // would prove nothing here.
    const extension = built(EXTENSION_DIR, 'manifest.json', 'npm run build');
    const unmatched = EXTENSION_ONLY.filter(
      ([what, pattern]) => findInBundles(extension, [[what, pattern]]).length === 0,
    ).map(([what]) => what);
    expect(unmatched).toEqual([]);
  });

  it('gives every page its script policy: scripts from the app alone, none inline, no eval', () => {
    const pages = readdirSync(web()).filter((name) => name.endsWith('.html'));
    expect(pages.sort()).toEqual(['index.html', 'sidebar.html']);
    for (const page of pages) {
      const html = readFileSync(join(web(), page), 'utf8');
      const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(policy, page).toBeDefined();
      const directives = new Map(
        (policy ?? '').split(';').map((part) => {
          const [name = '', ...values] = part.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('script-src'), page).toEqual(["'self'"]);
      expect(directives.get('default-src'), page).toEqual(["'self'"]);
      expect(directives.get('object-src'), page).toEqual(["'none'"]);
      expect(directives.get('base-uri'), page).toEqual(["'none'"]);
      expect(policy, page).not.toMatch(/unsafe-eval|\*|https?:/);
      // The policy comes first, before any script or style can load.
      expect(html.indexOf('Content-Security-Policy'), page).toBeLessThan(html.search(/<(script|link)\b/));
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes = '', body = ''] of scripts) {
        expect(attributes, page).toMatch(/\bsrc="\.\/assets\/[\w-]+\.js"/);
        expect(body.trim(), page).toBe('');
      }
    }
  });

  it('has its service worker keep every file of the build, so any page opens offline', () => {
    const code = readFileSync(join(web(), 'service-worker.js'), 'utf8');
    const list = /\{"version":"[0-9a-f]+","files":(\[[^\]]*\])\}/.exec(code)?.[1];
    expect(list).toBeDefined();
    const files = JSON.parse(list ?? '[]') as string[];
    const everyFile = builtScripts(web())
      .concat(readdirSync(join(web(), 'assets')).map((name) => join(web(), 'assets', name)))
      .map((path) => path.slice(web().length + 1).replaceAll('\\', '/'))
      .filter((name) => name !== 'service-worker.js');
    expect([...new Set(everyFile)].sort()).toEqual(files.filter((file) => file !== './').sort());
    expect(files).toContain('./');
  });
});
