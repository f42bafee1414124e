import type { TallyDatabase } from '../../db/database';
import { readSetting } from '../../db/settings';
import type { PurchaseOrderRequest } from './purchase-order-model';

/**
 * The purchase order PDF, built when the user asks for it: the layout and jspdf are loaded on
 * first use (as the receipt's are), so the dashboard opens without them. The shop's name,
 * address and logo come from the receipt template.
 */
export function purchaseOrderDocument(db: TallyDatabase, locale: string) {
  return async (request: PurchaseOrderRequest): Promise<Blob> => {
    const [{ purchaseOrderLayout }, { purchaseOrderPdf }, template] = await Promise.all([
      import('../../pdf/purchase-order-layout'),
      import('../../pdf/purchase-order-pdf'),
      readSetting(db, 'receiptTemplate'),
    ]);
    const layout = purchaseOrderLayout({ ...request, template, locale });
    return new Blob([purchaseOrderPdf(layout)], { type: 'application/pdf' });
  };
}
