import type { SnapshotField } from '../domain/contact-snapshot';
import type { PageFields } from './adapter';

/** PLACEHOLDER — being written (issue 3): recipes the user taught. */
export interface Recipe {
  id: string;
  name: string;
  origin: string;
  pathPattern: string;
  fields: Partial<Record<SnapshotField, unknown>>;
  createdAt: string;
  updatedAt: string;
}

export function recipeMatches(_recipe: Recipe, _url: URL): boolean {
  return false;
}

export function readRecipe(
  _doc: Document,
  _url: URL,
  _recipe: Recipe,
): { fields: PageFields; missing: SnapshotField[] } {
  return { fields: {}, missing: [] };
}
