import { textOf, type BackOfficeAdapter } from './adapter';

/**
 * Northwind Direct: the direct-sales rep back office (served by the demo under /rep). Its customer
 * page is a single-page app; the content script re-detects once the app has rendered the customer.
 */
export const northwind: BackOfficeAdapter = {
  id: 'northwind',
  name: 'Northwind Direct',
  examples: ['http://127.0.0.1:5178/rep/customers/C-00042', 'https://northwind.example/rep/customers/C-1'],
  // Northwind numbers customers C-00042; other back offices' /customers/<number> pages never match.
  matches: (url) => /\/customers\/C-\d+\/?$/.test(url.pathname),
  // The detail container alone says "this is a customer page"; reading it is extract's job, so a
  // redesign that moves the name is reported as broken, not as "no customer".
  detect: (doc) => doc.querySelector('main.customer-detail') !== null,
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
