/**
 * `npm run demo:server`: the demo back offices on http://127.0.0.1:5178 (or $PORT) until Ctrl-C.
 * $SEED picks another data set.
 */
import { demoBackOffices } from './backoffices/index';
import { startDemoServer } from './server';

const port = Number(process.env.PORT ?? 5178);
const seed = Number(process.env.SEED ?? 42);

const server = await startDemoServer({ port, seed });
console.log(`Tally demo back offices: ${server.url}/  (seed ${seed})`);
for (const backOffice of demoBackOffices) {
  console.log(`\n${backOffice.title}`);
  for (const page of backOffice.pages) console.log(`  ${page.label.padEnd(60)} ${server.url}${page.path}`);
  if (backOffice.redesign) {
    const label = `Redesign: ${backOffice.redesign}`;
    console.log(
      `  ${label}\n  ${''.padEnd(60)} ${server.url}/__demo/redesign?backOffice=${backOffice.id}&on=1 (on=0 undoes)`,
    );
  }
}
console.log('\nCtrl-C to stop.');

async function stop(): Promise<void> {
  await server.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
