import { startDashboard } from '../src/ui/app/dashboard-app';
import { webPlatform } from '../src/ui/platform/web';
import '../src/ui/theme.css';
import { installWebLanguage } from './language';
import { keepOffline } from './offline';

await installWebLanguage();
const platform = webPlatform({
  appVersion: __TALLY_VERSION__,
  startReconcileWorker: () =>
    new Worker(new URL('./reconcile-worker.ts', import.meta.url), { type: 'module' }),
});
startDashboard(platform, document.getElementById('app') as HTMLElement);
keepOffline();
