import { code128 } from 'bwip-js/generic';

/**
 * Code 128 bars from bwip-js, as data to draw as vector rectangles: crisp at any printer
 * resolution, and no canvas needed. bwip-js's generic build runs in Node as in the browser, and
 * only its Code 128 encoder is imported (its `raw` would bring every symbology, about 1 MB).
 */

/** One bar, in modules (the narrowest bar's width) from the left edge of the symbol. */
export interface Bar {
  x: number;
  width: number;
}

export interface BarPattern {
  /** The symbol's width in modules, without quiet zones. */
  modules: number;
  bars: Bar[];
}

/**
 * bwip-js hands each bar of a linear barcode to its drawing as a vertical line centred on x. At
 * an even scale every width is even and the centre is exact; at scale 1 odd widths are nudged by
 * half a pixel. Hence scale 2, halved again here.
 */
const SCALE = 2;

/** The bars encoding `text` (printable ASCII; see isBarcodeText). Throws when bwip-js cannot encode it. */
export function code128Bars(text: string): BarPattern {
  const bars: Bar[] = [];
  code128(
    { bcid: 'code128', text, scaleX: SCALE, scaleY: 1, height: 1, inkspread: 0, includetext: false },
    {
      scale: () => null,
      measure: () => ({ width: 0, ascent: 0, descent: 0 }),
      init: () => undefined,
      line(x0, _y0, x1, _y1, lineWidth) {
        if (x0 === x1) bars.push({ x: (x0 - lineWidth / 2) / SCALE, width: lineWidth / SCALE });
      },
      polygon: () => undefined,
      hexagon: () => undefined,
      ellipse: () => undefined,
      fill: () => undefined,
      text: () => undefined,
      end: () => undefined,
    },
  );
  bars.sort((a, b) => a.x - b.x);
  const last = bars.at(-1);
  return { modules: last ? last.x + last.width : 0, bars };
}
