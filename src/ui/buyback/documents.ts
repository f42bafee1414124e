import type { TallyDatabase } from '../../db/database';
import { readSetting } from '../../db/settings';
import type { BuyBackScreenDeps, ReceiptRequest } from './buyback-model';

/**
 * The receipt and label PDFs, built where the user asks for them. The PDF code (jspdf and its
 * fonts) is loaded on first use, so the dashboard opens without it.
 */
export function buyBackDocuments(db: TallyDatabase, locale: string): BuyBackScreenDeps['documents'] {
  return {
    async receipt(request: ReceiptRequest): Promise<Blob> {
      const [{ receiptLayout }, { receiptPdf }, template] = await Promise.all([
        import('../../pdf/receipt-layout'),
        import('../../pdf/receipt-pdf'),
        readSetting(db, 'receiptTemplate'),
      ]);
      const layout = receiptLayout({ ...request, template, locale });
      return new Blob([receiptPdf(layout)], { type: 'application/pdf' });
    },
    // The label PDF is being written alongside (src/pdf/label-pdf.ts); wired in when it lands.
    async labels(): Promise<Blob> {
      throw new Error('Labels cannot be printed yet.');
    },
  };
}
