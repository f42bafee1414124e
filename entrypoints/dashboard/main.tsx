import { startDashboard } from '../../src/ui/app/dashboard-app';
import { extensionPlatform } from '../../src/ui/platform/extension';
import '../../src/ui/theme.css';

startDashboard(extensionPlatform(), document.getElementById('app') as HTMLElement);
