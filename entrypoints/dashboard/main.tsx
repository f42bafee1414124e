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
import { createCatalogModel } from '../../src/ui/dashboard/catalog-model';
import { createDashboardModel } from '../../src/ui/dashboard/dashboard-model';
import { createFollowUpModel } from '../../src/ui/dashboard/follow-up-model';
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
const followUp = createFollowUpModel({ db, history: model });
const catalog = createCatalogModel({ db });

render(
  <Dashboard model={model} sites={sites} recipes={recipes} followUp={followUp} catalog={catalog} />,
  document.getElementById('app') as HTMLElement,
);
const refreshAll = () =>
  Promise.all([model.refresh(), sites.refresh(), recipes.refresh(), followUp.refresh(), catalog.refresh()]);
void refreshAll();
// The sidebar records and teaches in another page; show its work when the user comes back here.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refreshAll();
});
