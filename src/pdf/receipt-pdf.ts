import { jsPDF } from 'jspdf';
import { autoTable, type CellDef, type UserOptions } from 'jspdf-autotable';
import type { ReceiptField, ReceiptLayout, ReceiptTable } from './receipt-layout';
import { winAnsiText } from './win-ansi';

/**
 * The purchase receipt as a PDF, drawn from its layout (receipt-layout.ts). Tables go through
 * jspdf-autotable, which wraps long cells and carries the items over to further pages with their
 * header repeated. Runs wherever jspdf does: the dashboard, and Node for the tests.
 */

/** Millimetres; the receipt is drawn in mm on A4 or Letter. */
const MARGIN = 15;
const FOOTER = 8;
const GAP = 5;
const LOGO_BOX = { width: 45, height: 22 };
const MM_PER_PT = 25.4 / 72;

type Rgb = [number, number, number];
const INK: Rgb = [15, 23, 42];
const MUTED: Rgb = [100, 116, 139];
const HEAD: Rgb = [30, 41, 59];
const FOOT: Rgb = [241, 245, 249];

const text = winAnsiText;

export function receiptPdf(layout: ReceiptLayout): ArrayBuffer {
  const doc = new jsPDF({ unit: 'mm', format: layout.paper, compress: true });
  doc.setProperties({ title: text(layout.title), creator: 'Tally' });
  const pageWidth = doc.internal.pageSize.getWidth();
  const pageHeight = doc.internal.pageSize.getHeight();
  const width = pageWidth - 2 * MARGIN;
  const bottom = pageHeight - MARGIN - FOOTER;
  const tableMargin = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER };
  let y = MARGIN;

  const lineHeight = (size: number) => size * MM_PER_PT * doc.getLineHeightFactor();

  function roomFor(height: number) {
    if (y + height <= bottom) return;
    doc.addPage();
    y = MARGIN;
  }

  /** Wrapped text at the cursor, moving it down; a line that does not fit starts a new page. */
  function write(
    value: string,
    style: { size: number; bold?: boolean; color?: Rgb; x?: number; width?: number } = { size: 10 },
  ) {
    doc.setFont('helvetica', style.bold ? 'bold' : 'normal');
    doc.setFontSize(style.size);
    doc.setTextColor(...(style.color ?? INK));
    const height = lineHeight(style.size);
    const lines = doc.splitTextToSize(text(value), style.width ?? width) as string[];
    for (const line of lines) {
      roomFor(height);
      doc.text(line, style.x ?? MARGIN, y, { baseline: 'top' });
      y += height;
    }
  }

  function heading(value: string) {
    // A heading is not left alone at the foot of a page.
    roomFor(lineHeight(11) + 12);
    y += 2;
    write(value, { size: 11, bold: true });
    y += 1;
  }

  function table(options: UserOptions) {
    autoTable(doc, {
      startY: y,
      margin: tableMargin,
      rowPageBreak: 'avoid',
      styles: { font: 'helvetica', fontSize: 9, cellPadding: 1.5, textColor: INK, overflow: 'linebreak' },
      ...options,
    });
    y = tableEnd(doc) + GAP;
  }

  function fields(list: readonly ReceiptField[]) {
    if (list.length === 0) return;
    table({
      theme: 'plain',
      body: list.map((field) => [text(field.label), text(field.value)]),
      styles: {
        font: 'helvetica',
        fontSize: 10,
        // Flush with the headings and text above.
        cellPadding: { top: 0.8, bottom: 0.8, left: 0, right: 3 },
        textColor: INK,
        overflow: 'linebreak',
      },
      columnStyles: { 0: { fontStyle: 'bold', cellWidth: 42 } },
    });
  }

  function amountsTable(data: ReceiptTable, foot: ReceiptField[]) {
    const last = data.columns.length - 1;
    table({
      theme: 'striped',
      head: [
        data.columns.map((column): CellDef => ({
          content: text(column.label),
          styles: { halign: column.align },
        })),
      ],
      body: data.rows.map((row) => row.map(text)),
      foot: foot.map((field) => [
        { content: text(field.label), colSpan: last, styles: { halign: 'right' } },
        { content: text(field.value), styles: { halign: 'right' } },
      ]),
      showFoot: 'lastPage',
      columnStyles: Object.fromEntries(
        data.columns.map((column, index) => [index, { halign: column.align }]),
      ),
      headStyles: { fillColor: HEAD, textColor: [255, 255, 255], fontStyle: 'bold' },
      footStyles: { fillColor: FOOT, textColor: INK, fontStyle: 'bold' },
    });
  }

  // The shop, with its logo at the right.
  const logoHeight = layout.shop.logo ? drawLogo(doc, layout.shop.logo, pageWidth - MARGIN, MARGIN) : 0;
  const beside = { width: logoHeight > 0 ? width - LOGO_BOX.width - GAP : width };
  write(layout.shop.name, { size: 16, bold: true, ...beside });
  for (const line of layout.shop.addressLines) write(line, { size: 10, color: MUTED, ...beside });
  y = Math.max(y, MARGIN + logoHeight) + GAP;

  write(layout.title, { size: 14, bold: true });
  write(layout.date, { size: 10, bold: !layout.paid, color: layout.paid ? MUTED : INK });
  y += 2;

  heading('Seller');
  write(layout.seller.name, { size: 10, bold: true });
  for (const detail of layout.seller.details) write(detail);
  y += 1;
  fields(layout.seller.identification);

  heading('Items');
  amountsTable(layout.items, [layout.total]);

  if (layout.payment.length > 0) {
    heading('Payment');
    fields(layout.payment);
  }

  if (layout.tradeIn) {
    heading(layout.tradeIn.heading);
    amountsTable(layout.tradeIn.purchase, layout.tradeIn.totals);
    roomFor(lineHeight(12));
    write(layout.tradeIn.difference, { size: 12, bold: true });
    y += GAP;
  }

  if (layout.terms.length > 0) {
    heading('Terms');
    for (const paragraph of layout.terms) {
      write(paragraph, { size: 9 });
      y += 1.5;
    }
  }

  // Signature lines side by side, with room above them to sign.
  roomFor(28);
  y += 18;
  const columnWidth = width / layout.signatures.length;
  doc.setDrawColor(...INK);
  doc.setLineWidth(0.3);
  layout.signatures.forEach((label, index) => {
    const x = MARGIN + index * columnWidth;
    doc.line(x, y, x + columnWidth - 10, y);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(9);
    doc.setTextColor(...MUTED);
    doc.text(text(label), x, y + 1.5, { baseline: 'top' });
  });

  // Each page names its receipt, so that a loose second page is still known.
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(8);
    doc.setTextColor(...MUTED);
    doc.text(`${text(layout.title)} · Page ${page} of ${pages}`, pageWidth / 2, pageHeight - MARGIN, {
      align: 'center',
      baseline: 'bottom',
    });
  }
  return doc.output('arraybuffer');
}

/**
 * Draws the logo scaled into its box, right-aligned at `right`; returns its height. A logo jspdf
 * cannot read (a PNG flavour it lacks) leaves the receipt without the logo rather than without a
 * receipt: the editor already let in only PNG and JPEG files.
 */
function drawLogo(doc: jsPDF, logo: string, right: number, top: number): number {
  try {
    const image = doc.getImageProperties(logo);
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    doc.addImage(logo, image.fileType, right - width, top, width, height);
    return height;
  } catch {
    return 0;
  }
}

/** Where the table autotable just drew ends (it keeps that on the document, untyped). */
function tableEnd(doc: jsPDF): number {
  return (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}
