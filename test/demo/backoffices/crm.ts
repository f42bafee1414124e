/**
 * "Acme CRM": the back office no Tally adapter knows, for teaching Tally a recipe and for the generic
 * guess. Server-rendered; its redesign switch renames and restructures the client page so that what was
 * taught no longer finds the fields.
 */
import { htmlResponse, redirectResponse, type DemoBackOffice } from '../backoffice';
import { routeRequest, type Route } from '../router';
import { CRM_HOSTILE_ID, CRM_SAMPLE_ID } from '../seed-crm';
import { CRM_TITLE, crmClientListPage, crmClientPage, crmClientPath, crmNotFoundPage } from './crm/pages';

const routes: readonly Route[] = [
  { method: 'GET', path: /^\/crm$/, respond: () => redirectResponse('/crm/clients', 302) },
  {
    method: 'GET',
    path: /^\/crm\/clients$/,
    respond: ({ url, data }) => htmlResponse(crmClientListPage(url, data)),
  },
  {
    method: 'GET',
    path: /^\/crm\/clients\/([^/]+)$/,
    respond: ({ params: [id = ''], data, redesigned }) => {
      const client = data.crmClientById.get(id);
      return client
        ? htmlResponse(crmClientPage(client, redesigned))
        : htmlResponse(crmNotFoundPage(id), 404);
    },
  },
];

export const crmBackOffice: DemoBackOffice = {
  id: 'crm',
  title: CRM_TITLE,
  basePath: '/crm',
  description:
    'A CRM no adapter knows, without schema.org or hCard markup: fields in divs and spans with ids and ' +
    'data attributes, for teaching Tally.',
  pages: [
    { label: 'Clients', path: '/crm/clients' },
    { label: 'Client (Grace Hopper)', path: crmClientPath(CRM_SAMPLE_ID) },
    { label: 'Client (Hebrew and markup in the name)', path: crmClientPath(CRM_HOSTILE_ID) },
  ],
  redesign: 'the client page loses its ids and data-prop attributes; the fields move into a table',
  handle: (req, url, data, state) => routeRequest(routes, req, url, data, state),
};
