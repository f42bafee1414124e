import { parseQuantity } from './order-validation';

/** A line of an order being typed: one per product, its quantity as the user typed it. */
interface TypedLine {
  productId: string;
  quantityText: string;
}

/**
 * The lines with one more of a product: the same product twice is one line with a larger
 * quantity (1 when the typed one is not a quantity); else `newLine()` is added at the end.
 */
export function withOneMore<L extends TypedLine>(
  lines: readonly L[],
  productId: string,
  newLine: () => L,
): L[] {
  if (!lines.some((line) => line.productId === productId)) return [...lines, newLine()];
  return lines.map((line) => {
    if (line.productId !== productId) return line;
    const quantity = parseQuantity(line.quantityText);
    return { ...line, quantityText: String(quantity.ok ? quantity.quantity + 1 : 1) };
  });
}

/** The lines with what the user typed into one product's line. */
export function withLineChanged<L extends TypedLine>(
  lines: readonly L[],
  productId: string,
  change: NoInfer<Partial<L>>,
): L[] {
  return lines.map((line) => (line.productId === productId ? { ...line, ...change } : line));
}

/** The lines without one product's. */
export function withoutLine<L extends TypedLine>(lines: readonly L[], productId: string): L[] {
  return lines.filter((line) => line.productId !== productId);
}
