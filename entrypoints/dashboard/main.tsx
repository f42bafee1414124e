import { render } from 'preact';
import { openDatabase } from '../../src/db/database';
import {
  allowBackOffice,
  allowedBackOffices,
  originPattern,
  revokeBackOffice,
} from '../../src/messaging/site-access';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import { createDashboardModel } from '../../src/ui/dashboard/dashboard-model';
import { createSiteAccessModel } from '../../src/ui/dashboard/site-access-model';
import { downloadText } from '../../src/ui/download';
import '../../src/ui/theme.css';

const model = createDashboardModel({ db: openDatabase(), download: downloadText });
const sites = createSiteAccessModel({
  list: allowedBackOffices,
  allow: allowBackOffice,
  revoke: revokeBackOffice,
  toPattern: originPattern,
});

render(<Dashboard model={model} sites={sites} />, document.getElementById('app') as HTMLElement);
void Promise.all([model.refresh(), sites.refresh()]);
// The sidebar records in another page; show its orders when the user comes back here.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void model.refresh();
});
