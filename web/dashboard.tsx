import { render } from 'preact';
import { startDashboard } from '../src/ui/app/dashboard-app';
import { FramedDashboard } from '../src/ui/app/FramedDashboard';
import { showPageInUiLanguage } from '../src/ui/page-language';
import { webPlatform } from '../src/ui/platform/web';
import '../src/ui/theme.css';
import { installWebLanguage } from './language';
import { keepOffline } from './offline';

await installWebLanguage();
const app = document.getElementById('app') as HTMLElement;
if (window.top === window) {
  const platform = webPlatform({
    appVersion: __TALLY_VERSION__,
    startReconcileWorker: () =>
      new Worker(new URL('./reconcile-worker.ts', import.meta.url), { type: 'module' }),
  });
  startDashboard(platform, app);
} else {
  showPageInUiLanguage();
  render(<FramedDashboard href={location.href} />, app);
}
keepOffline();
