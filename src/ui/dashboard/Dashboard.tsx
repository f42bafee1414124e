import { ErrorMessage } from '../ErrorMessage';
import { CatalogImport } from './CatalogImport';
import { PurchasesTable } from './PurchasesTable';
import { SiteAccess } from './SiteAccess';
import { TaughtRecipes } from './TaughtRecipes';
import type { DashboardModel } from './dashboard-model';
import type { RecipesModel } from './recipes-model';
import type { SiteAccessModel } from './site-access-model';

export function Dashboard(props: { model: DashboardModel; sites: SiteAccessModel; recipes: RecipesModel }) {
  const { model } = props;
  return (
    <main class="dashboard">
      <h1 class="brand">Tally</h1>
      <ErrorMessage message={model.error.value} />
      <PurchasesTable model={model} />
      <CatalogImport model={model} />
      <SiteAccess model={props.sites} />
      <TaughtRecipes model={props.recipes} />
    </main>
  );
}
