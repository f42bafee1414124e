import { writeFile } from 'node:fs/promises';

/** One measured figure beside its budget from DESIGN.md; later issues add theirs to the same file. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget in the same unit, or null where DESIGN.md sets none. */
  budget: number | null;
  /** Whether the budget is a ceiling (the default: "≤ 16 ms") or a floor ("≥ 5× faster"). */
  budgetKind?: 'max' | 'min';
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function printFigures(figures: readonly Figure[]): void {
  const width = Math.max(...figures.map((figure) => figure.name.length));
  for (const figure of figures) {
    const value = `${round(figure.value)} ${figure.unit}`;
    const sign = figure.budgetKind === 'min' ? '≥' : '≤';
    const budget =
      figure.budget === null ? 'no budget' : `budget ${sign} ${round(figure.budget)} ${figure.unit}`;
    const verdict = figure.budget === null ? '' : `  ${verdictOf(figure, figure.budget)}`;
    console.log(`${figure.name.padEnd(width)}  ${value.padStart(12)}   ${budget}${verdict}`);
  }
}

export async function writeFigures(path: string, figures: readonly Figure[]): Promise<void> {
  await writeFile(path, `${JSON.stringify(figures, null, 2)}\n`);
}

function verdictOf(figure: Figure, budget: number): string {
  if (figure.budgetKind === 'min') return figure.value >= budget ? 'ok' : 'UNDER BUDGET';
  return figure.value <= budget ? 'ok' : 'OVER BUDGET';
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
