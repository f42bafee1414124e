import { ErrorMessage } from '../ErrorMessage';
import { CatalogImport } from './CatalogImport';
import type { CatalogModel } from './catalog-model';
import { FollowUp } from './FollowUp';
import { PurchasesTable } from './PurchasesTable';
import { SiteAccess } from './SiteAccess';
import { TaughtRecipes } from './TaughtRecipes';
import type { DashboardModel } from './dashboard-model';
import type { FollowUpModel } from './follow-up-model';
import type { RecipesModel } from './recipes-model';
import type { SiteAccessModel } from './site-access-model';

export function Dashboard(props: {
  model: DashboardModel;
  sites: SiteAccessModel;
  recipes: RecipesModel;
  followUp: FollowUpModel;
  catalog: CatalogModel;
}) {
  const { model } = props;
  return (
    <main class="dashboard">
      <h1 class="brand">Tally</h1>
      <ErrorMessage message={model.error.value} />
      <PurchasesTable model={model} />
      <FollowUp model={props.followUp} />
      <CatalogImport model={props.catalog} />
      <SiteAccess model={props.sites} />
      <TaughtRecipes model={props.recipes} />
    </main>
  );
}
