import { jsPDF } from 'jspdf';
import { t } from '../domain/i18n';
import { code128Bars } from './barcode';
import type { ItemLabel } from './label-layout';
import { winAnsiText } from './win-ansi';

/**
 * Item labels as a PDF, one label per page, sized for the common 62 × 29 mm label roll, so a
 * label printer prints each page as one label. Everything is black: thermal printers have no grey.
 */

export const LABEL_SIZE = { width: 62, height: 29 } as const;
const MARGIN = 2;
/** Code 128 needs at least ten modules of white on each side of the bars to be read. */
const QUIET_ZONE = 10;
/** Bars wider than this gain nothing for a scanner and take the room of the text. */
const MAX_MODULE = 0.5;
const BARS_HEIGHT = 7.5;
const PRICE_MAX_WIDTH = 30;
const MM_PER_PT = 25.4 / 72;

const text = winAnsiText;

export function itemLabelsPdf(labels: readonly ItemLabel[]): ArrayBuffer {
  if (labels.length === 0) throw new Error(t('pdf_label_none_chosen'));
  const size: [number, number] = [LABEL_SIZE.width, LABEL_SIZE.height];
  const doc = new jsPDF({ unit: 'mm', format: size, orientation: 'landscape', compress: true });
  labels.forEach((label, index) => {
    if (index > 0) doc.addPage(size, 'landscape');
    drawLabel(doc, label);
  });
  return doc.output('arraybuffer');
}

function drawLabel(doc: jsPDF, label: ItemLabel) {
  const width = LABEL_SIZE.width - 2 * MARGIN;
  const right = LABEL_SIZE.width - MARGIN;
  doc.setTextColor(0, 0, 0);
  doc.setFillColor(0, 0, 0);

  // The price, as large as fits its corner.
  let priceWidth = 0;
  if (label.price) {
    const price = text(label.price);
    let size = 16;
    doc.setFont('helvetica', 'bold');
    for (; size > 8; size -= 1) {
      doc.setFontSize(size);
      if (doc.getTextWidth(price) <= PRICE_MAX_WIDTH) break;
    }
    priceWidth = Math.min(doc.getTextWidth(price), PRICE_MAX_WIDTH);
    doc.text(price, right, MARGIN, { baseline: 'top', align: 'right', maxWidth: PRICE_MAX_WIDTH });
  }
  const priceBottom = MARGIN + lineHeight(doc, doc.getFontSize());
  const beside = priceWidth > 0 ? width - priceWidth - 2 : width;

  let y = MARGIN;
  // Text that starts beside the price keeps clear of it; below the price it has the whole width.
  // An identifier such as a serial is shrunk to fit (down to `minSize`) before it is cut.
  const write = (value: string, size: number, bold: boolean, maxLines: number, minSize = size) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    const room = y < priceBottom ? beside : width;
    const drawn = text(value);
    let fontSize = size;
    doc.setFontSize(fontSize);
    while (fontSize > minSize && doc.getTextWidth(drawn) > room) {
      fontSize -= 0.5;
      doc.setFontSize(fontSize);
    }
    for (const line of fitted(doc, drawn, room, maxLines)) {
      doc.text(line, MARGIN, y, { baseline: 'top' });
      y += lineHeight(doc, fontSize);
    }
  };
  write(label.shopName, 6, false, 1);
  y += 0.3;
  write(label.description, 8, true, 2);
  write(label.condition, 6.5, false, 1);
  // The serial goes at the foot, under the bars that encode it or alone; on its own line when the
  // bars carry the SKU instead.
  const serialAtFoot = label.barcode === null || label.barcode === label.serial;
  if (label.serial && !serialAtFoot) write(t('pdf_label_serial', label.serial), 6.5, false, 1, 5);

  // The barcode at the foot, with its text under it as scanners show it.
  const captionSize = 6.5;
  const captionTop = LABEL_SIZE.height - MARGIN - lineHeight(doc, captionSize);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(captionSize);
  if (label.barcode) {
    const pattern = code128Bars(label.barcode);
    const modules = pattern.modules + 2 * QUIET_ZONE;
    const module = Math.min(width / modules, MAX_MODULE);
    const left = (LABEL_SIZE.width - modules * module) / 2 + QUIET_ZONE * module;
    const top = captionTop - BARS_HEIGHT - 0.3;
    for (const bar of pattern.bars) {
      doc.rect(left + bar.x * module, top, bar.width * module, BARS_HEIGHT, 'F');
    }
    const caption = label.barcode === label.serial ? t('pdf_label_serial', label.barcode) : label.barcode;
    doc.text(fitted(doc, text(caption), width, 1), LABEL_SIZE.width / 2, captionTop, {
      baseline: 'top',
      align: 'center',
    });
  } else if (label.serial) {
    doc.text(fitted(doc, text(t('pdf_label_serial', label.serial)), width, 1), MARGIN, captionTop, {
      baseline: 'top',
    });
  }
}

function lineHeight(doc: jsPDF, size: number): number {
  return size * MM_PER_PT * doc.getLineHeightFactor();
}

/** `value` wrapped to `width`, at most `maxLines` lines, the last one cut with "…" if need be. */
function fitted(doc: jsPDF, value: string, width: number, maxLines: number): string[] {
  const lines = doc.splitTextToSize(value, width) as string[];
  if (lines.length <= maxLines) return lines;
  // The last line takes all the rest, cut where it fits: a long word is cut, not moved away.
  let last = lines.slice(maxLines - 1).join(' ');
  while (last.length > 0 && doc.getTextWidth(`${last}…`) > width) last = last.slice(0, -1);
  return [...lines.slice(0, maxLines - 1), `${last.trimEnd()}…`];
}
