// The built packages, as the stores receive them: the manifests (what Tally may do) are pinned,
// and no bundle turns strings into code or HTML. `npm run test:e2e` builds both browsers first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findInBundles } from '../support/bundle-scan';

const OUTPUT = resolve(process.env.TALLY_OUTPUT ?? '.output');
const BUILDS = ['chrome-mv3', 'firefox-mv3'] as const;

function built(build: string): string {
  const dir = join(OUTPUT, build);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No ${build} build in ${OUTPUT}: run "npm run build" and "npm run build:firefox" first.`);
  }
  return dir;
}

const manifestOf = (build: string) => JSON.parse(readFileSync(join(built(build), 'manifest.json'), 'utf8'));

describe.each(BUILDS)('the %s package', (build) => {
  it('asks for the permissions the README explains, and no more', async () => {
    const manifest = manifestOf(build);
    await expect(JSON.stringify(manifest, null, 2) + '\n').toMatchFileSnapshot(
      `../fixtures/manifests/${build}.json`,
    );
    expect(manifest.manifest_version).toBe(3);
    // The default CSP (no 'unsafe-eval', no remote scripts): Tally never sets its own.
    expect(manifest.content_security_policy).toBeUndefined();
    // Pages may frame the sidebar document and nothing else; its scripts load inside the
    // extension's own origin, so they need not be exposed.
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['sidebar.html'], matches: ['<all_urls>'] },
    ]);
    // Every back office beyond the demo and local servers is granted at run time, per origin.
    expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('names itself through the browser’s i18n messages, in every shipped language', () => {
    const manifest = manifestOf(build);
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_manifest_name__');
    for (const language of ['en', 'fr']) {
      const messages = JSON.parse(
        readFileSync(join(built(build), '_locales', language, 'messages.json'), 'utf8'),
      );
      expect(messages.manifest_name?.message).toBe('Tally');
      expect(messages.manifest_description?.message).toBeTruthy();
    }
  });

  it('has no eval, new Function or HTML from strings in any bundle', () => {
    expect(findInBundles(built(build))).toEqual([]);
  });
});

describe('npm run zip', () => {
  it('makes the Chrome and Firefox store packages, and the sources AMO asks for', () => {
    const output = mkdtempSync(join(tmpdir(), 'tally-zip-'));
    try {
      execFileSync('npm', ['run', 'zip'], { env: { ...process.env, TALLY_OUTPUT: output }, stdio: 'pipe' });
      const zips = readdirSync(output).filter((name) => name.endsWith('.zip'));
      expect(zips.sort()).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/-chrome\.zip$/),
          expect.stringMatching(/-firefox\.zip$/),
          expect.stringMatching(/-sources\.zip$/),
        ]),
      );
      for (const browser of ['chrome', 'firefox']) {
        const zip = zips.find((name) => name.endsWith(`-${browser}.zip`)) ?? '';
        const files = unzipSync(readFileSync(join(output, zip)));
        const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
        expect(manifest.manifest_version).toBe(3);
        expect(Object.keys(files)).toEqual(
          expect.arrayContaining([
            'sidebar.html',
            'dashboard.html',
            '_locales/en/messages.json',
            '_locales/fr/messages.json',
          ]),
        );
      }
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  }, 180_000);
});
