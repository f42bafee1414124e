import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveFolder, type StaticSite } from '../demo/static-site';

/** The built web app (`npm run build:web`); TALLY_OUTPUT as in web/vite.config.ts. */
export const WEB_DIR = resolve(process.env.TALLY_OUTPUT ?? '.output', 'web');

/** Serves the built web app on 127.0.0.1, as a static host would. */
export async function serveWebApp(): Promise<StaticSite> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error(`No built web app in ${WEB_DIR}: run "npm run build:web" first.`);
  }
  return serveFolder(WEB_DIR);
}
