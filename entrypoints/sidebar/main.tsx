import { startSidebar } from '../../src/ui/app/sidebar-app';
import { extensionPlatform } from '../../src/ui/platform/extension';
import '../../src/ui/theme.css';

startSidebar(extensionPlatform(), document.getElementById('app') as HTMLElement);
