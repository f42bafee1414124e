import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCatalog } from '../../../locales/catalogs';
import { installTranslator } from '../../../src/domain/i18n';
import { flatMessages } from '../../../src/domain/locale-catalog';
import { purchaseOrderLayout } from '../../../src/pdf/purchase-order-layout';
import { purchaseOrderPdf } from '../../../src/pdf/purchase-order-pdf';
import { receiptLayout } from '../../../src/pdf/receipt-layout';
import { receiptPdf } from '../../../src/pdf/receipt-pdf';
import { catalogTranslator } from '../../../src/domain/catalog-translator';
import { pdfText } from '../../support/pdf-text';
import { buyBack, item, paidInput, payout, purchase } from './receipt-fixtures';

/** pdf.js reads no-break spaces back as plain ones; compare the words. */
const words = (text: string) => text.replace(/\s+/g, ' ');
const install = (language: string) =>
  installTranslator(catalogTranslator(flatMessages(readCatalog(language))), language);

// A shop whose browser is in French gets its documents in French: labels from the French
// catalog, dates and amounts written the French way, accents and ’ drawn by the PDF's own font.
describe('documents in French', () => {
  beforeEach(() => install('fr'));
  afterEach(() => install('en'));

  it('prints the purchase receipt in French, a trade-in included', async () => {
    const bought = purchase([{ name: 'Coque de téléphone', quantity: 2, unitMinor: 1500 }]);
    const input = paidInput({ locale: 'fr', tradeIn: bought });
    input.buyBack = buyBack([item('iPhone 12, 64 Go, bleu', 2000, { serial: '356938035643809' })], {
      payout: payout(2000, 'USD', { method: 'Reprise', tradeInPurchaseId: bought.id }),
    });
    const layout = receiptLayout(input);
    expect(layout.title).toBe('Reçu d’achat BB-0042');
    expect(layout.total).toEqual({ label: 'Total payé', value: '20,00\u00a0$US' });
    expect(layout.tradeIn?.difference).toBe('Le client paie 10,00\u00a0$US');

    const [page = ''] = await pdfText(new Uint8Array(receiptPdf(layout)));
    const text = words(page);
    for (const expected of [
      'Reçu d’achat BB-0042',
      '3 mars 2026',
      'Vendeur',
      'N° de série / IMEI',
      'Prix payé',
      'Total payé 20,00 $US',
      'Mode de paiement',
      'Reprise sur l’achat du 3 mars 2026',
      'Coque de téléphone',
      'Crédit de reprise -20,00 $US',
      'Le client paie 10,00 $US',
      'Signature du vendeur',
      'Signature de l’employé',
      'Page 1 sur 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Purchase receipt');
  });

  it('prints a draft purchase order in French', async () => {
    const layout = purchaseOrderLayout({
      order: {
        id: '20000000-0000-4000-8000-000000000001',
        createdAt: '2026-11-20T09:00:00.000Z',
        updatedAt: '2026-11-20T09:00:00.000Z',
        number: 7,
        supplierId: '30000000-0000-4000-8000-000000000001',
        status: 'draft',
        currency: 'EUR',
        lines: [
          {
            productId: '10000000-0000-4000-8000-000000000001',
            sku: 'NW-1001',
            name: 'Bougie crème brûlée',
            quantity: 1200,
            unitCost: { minor: 1250, currency: 'EUR' },
          },
        ],
      },
      supplier: { name: 'Linus Torvalds' },
      template: { shopName: 'Fixit', address: '' },
      locale: 'fr',
    });
    const text = words((await pdfText(new Uint8Array(purchaseOrderPdf(layout))))[0] ?? '');
    for (const expected of [
      'Bon de commande PO-0007',
      'Date de commande Brouillon — non envoyé',
      'Fournisseur',
      'Quantité',
      'Coût unitaire',
      '1 200',
      '12,50 €',
      'Total 15 000,00 €',
      'Page 1 sur 1',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
