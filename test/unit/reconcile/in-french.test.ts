import { afterEach, describe, expect, it } from 'vitest';
import { readCatalog } from '../../../locales/catalogs';
import { purchaseExportRows } from '../../../src/csv/purchases-export';
import { parseCsvTable } from '../../../src/csv/table';
import { installTranslator } from '../../../src/domain/i18n';
import { flatMessages } from '../../../src/domain/locale-catalog';
import type { Contact } from '../../../src/domain/contact';
import type { PurchaseRecord } from '../../../src/domain/purchase';
import { outcomeLabel, type ReconcileStatus } from '../../../src/domain/reconcile';
import { lineText, priceText } from '../../../src/reconcile/difference-text';
import { summarizeCounts } from '../../../src/ui/reconcile/job-status';
import { layoutOf, readInChunks } from '../../fixtures/order-exports/read';
import { catalogTranslator } from '../../../src/domain/catalog-translator';

const inLanguage = (language: 'en' | 'fr') =>
  installTranslator(catalogTranslator(flatMessages(readCatalog(language))), language);

const T = '2026-03-05T10:00:00.000Z';
const ada: Contact = {
  id: '11111111-1111-4111-8111-111111111111',
  createdAt: T,
  updatedAt: T,
  name: 'Ada Lovelace',
  role: 'customer',
  externalIds: [],
  externalKeys: [],
  nameKey: 'ada lovelace',
};
const order: PurchaseRecord = {
  id: '22222222-2222-4222-8222-222222222222',
  createdAt: T,
  updatedAt: T,
  contactId: ada.id,
  kind: 'purchase',
  purchaseDate: '2026-03-05',
  currency: 'EUR',
  lines: [
    {
      productId: '33333333-3333-4333-8333-333333333333',
      sku: 'TEA-1',
      name: 'Thé vert',
      quantity: 2,
      unitPrice: { minor: 1250, currency: 'EUR' },
      catalogPrice: { minor: 1250, currency: 'EUR' },
    },
  ],
};
const missing: ReconcileStatus = {
  purchaseId: order.id,
  runId: 'run-1',
  backOffice: 'northwind',
  outcome: 'missing',
  backOfficeOrderIds: [],
  lines: [],
  differences: [],
  checkedAt: T,
};

describe('reconciling in French', () => {
  afterEach(() => inLanguage('en'));

  it('explains a refused row in French, naming the column as the file does', () => {
    inLanguage('fr');
    const text =
      'order_id,order_date,customer_id,email,sku,quantity,unit_price,currency\r\nSO-1,2026-02-30,C-1,a@example.com,TEA-1,deux,12.50,EUR\r\n';
    const { problems } = readInChunks(text, layoutOf(text), 1000);
    expect(problems).toEqual([{ line: 2, reason: 'quantity "deux" n’est pas un nombre' }]);
    expect(parseCsvTable('')).toEqual({ error: 'Le fichier est vide.' });
  });

  it('counts outcomes with French plurals, and writes differences as French writes numbers', () => {
    inLanguage('fr');
    expect(summarizeCounts({ synced: 0, probable: 1, conflict: 2, missing: 3, backOfficeOnly: 0 })).toBe(
      '3 manquantes, 2 conflits, 1 probable',
    );
    expect(priceText(123450, 'EUR')).toBe('1\u202f234,50');
    expect(lineText(2, undefined, undefined)).toBe('2 × (sans nom)');
    expect(outcomeLabel('missing')).toBe('Absente du back-office');
  });

  it('keeps the purchases export’s Status words in English: they are part of the file format', () => {
    inLanguage('fr');
    const [row] = [
      ...purchaseExportRows([order], new Map([[ada.id, ada]]), { statuses: new Map([[order.id, missing]]) }),
    ];
    expect(row?.at(-2)).toBe('Missing from back office');
  });

  it('says what is wrong with the header in French', () => {
    inLanguage('fr');
    expect(parseCsvTable('sku,sku\r\n1,2\r\n')).toEqual({
      error:
        'La ligne d’en-tête nomme une colonne deux fois : "sku". Renommez ou supprimez la colonne en trop et réessayez.',
    });
  });
});
