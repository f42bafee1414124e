import { t } from '../../domain/i18n';
import { BestCustomers } from './BestCustomers';
import type { BestCustomersModel } from './best-customers-model';
import { SpendPatterns } from './SpendPatterns';
import type { SpendPatternsModel } from './spend-patterns-model';

/** The dashboard's reports: who the best customers are, and how spend moves month by month. */
export function Reports(props: { bestCustomers: BestCustomersModel; spendPatterns: SpendPatternsModel }) {
  return (
    <section aria-labelledby="reports-heading" class="reports">
      <h2 id="reports-heading">{t('reports_heading')}</h2>
      <BestCustomers model={props.bestCustomers} />
      <SpendPatterns model={props.spendPatterns} />
    </section>
  );
}
