import type { TallyDatabase } from '../../db/database';
import { readSetting } from '../../db/settings';
// The layout is small plain data, and the template editor's preview already loads it.
import { receiptLayout } from '../../pdf/receipt-layout';
import type { BuyBackScreenDeps, LabelRequest, ReceiptRequest } from './buyback-model';

/**
 * The receipt and label PDFs, built where the user asks for them. The PDF code (jspdf and its
 * fonts) is loaded on first use, so the dashboard opens without it.
 */
export function buyBackDocuments(db: TallyDatabase, locale: string): BuyBackScreenDeps['documents'] {
  return {
    async receipt(request: ReceiptRequest): Promise<Blob> {
      const [{ receiptPdf }, template] = await Promise.all([
        import('../../pdf/receipt-pdf'),
        readSetting(db, 'receiptTemplate'),
      ]);
      const layout = receiptLayout({ ...request, template, locale });
      return new Blob([receiptPdf(layout)], { type: 'application/pdf' });
    },
    async labels(request: LabelRequest): Promise<Blob> {
      const [{ itemLabels }, { itemLabelsPdf }, template] = await Promise.all([
        import('../../pdf/label-layout'),
        import('../../pdf/label-pdf'),
        readSetting(db, 'receiptTemplate'),
      ]);
      const products = await db.products.bulkGet(
        request.buyBack.items.flatMap((item) =>
          request.itemIds.includes(item.id) && item.productId ? [item.productId] : [],
        ),
      );
      const labels = itemLabels({
        ...request,
        products: products.filter((product) => product !== undefined),
        shopName: template.shopName,
        locale,
      });
      return new Blob([itemLabelsPdf(labels)], { type: 'application/pdf' });
    },
  };
}
