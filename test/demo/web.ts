/**
 * `npm run demo:web`: the built web app on http://127.0.0.1:5180 ($TALLY_WEB_PORT) and the demo
 * back offices on http://127.0.0.1:5178 ($PORT) embedding its sidebar, until Ctrl-C. Allow the
 * back offices' origin in the web dashboard's Embedding section, then open a customer page.
 */
import { WEB_DIR } from '../support/web-app';
import { demoBackOffices } from './backoffices/index';
import { startDemoServer } from './server';
import { serveFolder } from './static-site';

const webPort = Number(process.env.TALLY_WEB_PORT ?? 5180);
const port = Number(process.env.PORT ?? 5178);
const seed = Number(process.env.SEED ?? 42);

const web = await serveFolder(WEB_DIR, { port: webPort });
const server = await startDemoServer({ port, seed, embedTally: web.url });

console.log(`Tally web app:        ${web.url}/`);
console.log(`  Dashboard           ${web.url}/index.html`);
console.log(`  Sidebar             ${web.url}/sidebar.html`);
console.log(`  Allow ${server.url} in the dashboard's Embedding section: ${web.url}/index.html#embedding`);
console.log(`\nDemo back offices, with Tally embedded: ${server.url}/  (seed ${seed})`);
for (const backOffice of demoBackOffices) {
  console.log(`\n${backOffice.title}`);
  for (const page of backOffice.pages) console.log(`  ${page.label.padEnd(60)} ${server.url}${page.path}`);
}
console.log(
  '\nCustomers are sent to Tally from the Acme CRM client pages and the repair shop customer pages.',
);
console.log('Ctrl-C to stop.');

async function stop(): Promise<void> {
  await Promise.all([server.close(), web.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
