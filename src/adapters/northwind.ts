import { textOf, type BackOfficeAdapter } from './adapter';

/** Northwind Direct: the direct-sales rep back office (served by the demo under /rep). */
export const northwind: BackOfficeAdapter = {
  id: 'northwind',
  name: 'Northwind Direct',
  examples: ['http://127.0.0.1:5178/rep/customers/C-00042', 'https://northwind.example/rep/customers/C-1'],
  matches: (url) => /\/customers\/[^/]+\/?$/.test(url.pathname),
  detect: (doc) => doc.querySelector('main.customer-detail .customer-name') !== null,
  extract(doc) {
    const main = doc.querySelector('main.customer-detail');
    const scope = main ?? doc;
    return {
      externalId: textOf(scope, '.customer-id') ?? main?.getAttribute('data-customer-id') ?? undefined,
      name: textOf(scope, '.customer-name'),
      email: textOf(scope, '.customer-email'),
      phone: textOf(scope, '.customer-phone'),
      company: textOf(scope, '.customer-company'),
    };
  },
};
