import { render } from 'preact';
import { openDatabase } from '../../src/db/database';
import { sendMessage } from '../../src/messaging/client';
import {
  allowBackOffice,
  allowedBackOffices,
  originPattern,
  revokeBackOffice,
} from '../../src/messaging/site-access';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import { createDashboardModel } from '../../src/ui/dashboard/dashboard-model';
import { createRecipesModel } from '../../src/ui/dashboard/recipes-model';
import { createSiteAccessModel } from '../../src/ui/dashboard/site-access-model';
import { downloadText } from '../../src/ui/download';
import '../../src/ui/theme.css';

const db = openDatabase();
// Open tabs of the origin fetch its settings and recipes again, and detect again.
const notifySiteChanged = async (origin: string) => {
  await sendMessage('sites.changed', { origin });
};

const model = createDashboardModel({ db, download: downloadText });
const sites = createSiteAccessModel({
  db,
  list: allowedBackOffices,
  allow: allowBackOffice,
  revoke: revokeBackOffice,
  toPattern: originPattern,
  notifySiteChanged,
});
const recipes = createRecipesModel({ db, download: downloadText, notifySiteChanged });

render(
  <Dashboard model={model} sites={sites} recipes={recipes} />,
  document.getElementById('app') as HTMLElement,
);
void Promise.all([model.refresh(), sites.refresh(), recipes.refresh()]);
// The sidebar records and teaches in another page; show its work when the user comes back here.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible')
    void Promise.all([model.refresh(), sites.refresh(), recipes.refresh()]);
});
