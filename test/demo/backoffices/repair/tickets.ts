/** The ticket queue, newest first: a list page with customers on it, where Tally must stay quiet. */
import { requestedPage } from '../../backoffice';
import { html } from '../../html';
import { paginate, pagerNav } from '../../paging';
import type { DemoStore } from '../../store';
import { ticketsTable } from './customers';
import { repairPage } from './layout';

export function repairTicketsPage(url: URL, data: DemoStore): string {
  const page = paginate([...data.repair.tickets].reverse(), requestedPage(url));
  return repairPage(
    'Tickets',
    'tickets',
    html`<h1>Repair tickets</h1>
      ${ticketsTable(page.items, data)} ${pagerNav(url, page, 'tickets')}`,
  );
}
