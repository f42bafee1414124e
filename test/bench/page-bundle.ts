import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/**
 * Bundles a bench's page script (Tally's own modules, run inside the built extension's dashboard
 * page through the DevTools protocol, which the page's script policy does not govern).
 */
export async function bundlePageScript(
  contents: string,
  sourcefile: string,
  extra: Pick<BuildOptions, 'banner' | 'external'> = {},
): Promise<string> {
  const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  const bundled = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'warning',
    plugins: [zodJitless(root)],
    ...extra,
  });
  return bundled.outputFiles[0]?.text ?? '';
}

/**
 * `import 'bench:zod-jitless'` first in a page script. zod probes once whether it may compile
 * validators with new Function, and schemas decide when they are made. Evaluated through the
 * DevTools protocol the probe passes, but validators run later are refused; the extension's own
 * pages are refused from the start and so never compile. Switching zod to jitless before any
 * schema is made runs the validators the way the dashboard does.
 */
export function zodJitless(root: string): Plugin {
  return {
    name: 'zod-jitless',
    setup(build) {
      build.onResolve({ filter: /^bench:zod-jitless$/ }, () => ({ path: 'zod-jitless', namespace: 'bench' }));
      build.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({
        contents: "import { config } from 'zod'; config({ jitless: true });",
        resolveDir: root,
        loader: 'ts',
      }));
    },
  };
}
