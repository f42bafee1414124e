import { parseRecipe, type Recipe, type RecipeDraft } from '../adapters/taught';
import { nowInstant } from '../domain/dates';
import { errorMessage } from '../domain/errors';
import { t } from '../domain/i18n';
import type { TallyDatabase } from './database';

/** The recipes taught for one back-office origin, newest first: the newest wins a tie. */
export async function recipesForOrigin(db: TallyDatabase, origin: string): Promise<Recipe[]> {
  const recipes = await db.recipes.where('origin').equals(origin).toArray();
  return recipes.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function listRecipes(db: TallyDatabase): Promise<Recipe[]> {
  const recipes = await db.recipes.toArray();
  return recipes.sort((a, b) => a.origin.localeCompare(b.origin) || a.name.localeCompare(b.name));
}

/**
 * Stores a recipe the user just taught. A recipe for the same origin and pages replaces the
 * older one: teaching a page again is how a user fixes a recipe after a redesign.
 */
export async function saveTaughtRecipe(db: TallyDatabase, draft: RecipeDraft): Promise<Recipe> {
  return db.transaction('rw', db.recipes, async () => {
    const now = nowInstant();
    const same = await db.recipes
      .where('origin')
      .equals(draft.origin)
      .filter((recipe) => recipe.pathPattern === draft.pathPattern)
      .first();
    const recipe = parseRecipe({
      ...draft,
      id: same?.id ?? crypto.randomUUID(),
      createdAt: same?.createdAt ?? now,
      updatedAt: now,
    });
    await db.recipes.put(recipe);
    return recipe;
  });
}

export async function renameRecipe(db: TallyDatabase, id: string, name: string): Promise<void> {
  const recipe = await db.recipes.get(id);
  if (!recipe) throw new Error(t('db_recipe_gone'));
  await db.recipes.put(parseRecipe({ ...recipe, name, updatedAt: nowInstant() }));
}

export async function deleteRecipe(db: TallyDatabase, id: string): Promise<void> {
  await db.recipes.delete(id);
}

/**
 * Adds the recipes of an exported file. Every one is checked before any is written, so a bad
 * file changes nothing; a recipe already here (same id) is replaced by the file's.
 */
export async function importRecipes(db: TallyDatabase, recipes: readonly unknown[]): Promise<Recipe[]> {
  const parsed = recipes.map((raw, index) => {
    try {
      return parseRecipe(raw);
    } catch (error) {
      throw new Error(t('db_recipe_problem', String(index + 1), errorMessage(error)), { cause: error });
    }
  });
  await db.recipes.bulkPut(parsed);
  return parsed;
}
