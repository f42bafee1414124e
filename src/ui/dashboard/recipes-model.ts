import { signal } from '@preact/signals';
import type { Recipe } from '../../adapters/taught';
import type { TallyDatabase } from '../../db/database';
import { deleteRecipe, importRecipes, listRecipes, renameRecipe } from '../../db/recipes';
import { errorMessage } from '../../domain/errors';
import { t, tPlural } from '../../domain/i18n';

export interface RecipesDeps {
  db: TallyDatabase;
  download(filename: string, text: string, type?: string): void;
  /** Tells the open tabs of `origin` to fetch their recipes and detect again. */
  notifySiteChanged(origin: string): Promise<void>;
}

export const RECIPES_FILE_NAME = 'tally-recipes.json';
export const RECIPES_FILE_FORMAT = 'tally-recipes';
export const RECIPES_FILE_VERSION = 1;
/** Far more than any user teaches; a bigger file is not a recipes export. */
const MAX_FILE_BYTES = 5_000_000;

/** The recipes in an exported file, or the problem that makes it unreadable. */
export function readRecipesFile(
  text: string,
): { ok: true; recipes: unknown[] } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: t('dashboard_recipes_file_not_json') };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: t('dashboard_recipes_file_not_object') };
  }
  const file = data as Record<string, unknown>;
  if (file['format'] !== RECIPES_FILE_FORMAT) {
    return { ok: false, error: t('dashboard_recipes_file_wrong_format', RECIPES_FILE_FORMAT) };
  }
  if (file['version'] !== RECIPES_FILE_VERSION) {
    return {
      ok: false,
      error: t(
        'dashboard_recipes_file_wrong_version',
        String(JSON.stringify(file['version'])),
        String(RECIPES_FILE_VERSION),
      ),
    };
  }
  const recipes = file['recipes'];
  if (!Array.isArray(recipes)) return { ok: false, error: t('dashboard_recipes_file_no_list') };
  if (recipes.length === 0) return { ok: false, error: t('dashboard_recipes_file_empty') };
  return { ok: true, recipes };
}

export function recipesFileText(recipes: readonly Recipe[]): string {
  return `${JSON.stringify({ format: RECIPES_FILE_FORMAT, version: RECIPES_FILE_VERSION, recipes }, null, 2)}\n`;
}

/** A caught failure as the end of a sentence, whether or not it ends with a full stop. */
const sentence = (failure: unknown) => errorMessage(failure).replace(/[.\s]*$/, '.');

/**
 * The recipes the user taught: list, rename, delete with undo, export and import. Every change
 * tells the affected origin's open tabs, so a page detects with the new recipes at once.
 */
export function createRecipesModel(deps: RecipesDeps) {
  const recipes = signal<Recipe[]>([]);
  /** The recipe being renamed, and the name typed so far. */
  const renaming = signal<{ id: string; name: string } | null>(null);
  /** The last recipe deleted, until it is restored or another is deleted. */
  const deleted = signal<Recipe | null>(null);
  const status = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);

  async function refresh() {
    recipes.value = await listRecipes(deps.db);
  }

  // A tab that misses the news still detects with the new recipes on its next load.
  async function notify(origins: Iterable<string>) {
    for (const origin of new Set(origins)) {
      try {
        await deps.notifySiteChanged(origin);
      } catch (failure) {
        console.warn(`Tally: could not tell the tabs of ${origin}.`, failure);
      }
    }
  }

  function startRename(id: string) {
    const recipe = recipes.value.find((one) => one.id === id);
    if (!recipe) return;
    renaming.value = { id, name: recipe.name };
    error.value = null;
  }

  function cancelRename() {
    renaming.value = null;
  }

  async function saveRename() {
    const draft = renaming.value;
    if (!draft) return;
    const recipe = recipes.value.find((one) => one.id === draft.id);
    const name = draft.name.trim();
    if (!name) {
      error.value = t('dashboard_recipe_needs_name');
      return;
    }
    error.value = null;
    try {
      await renameRecipe(deps.db, draft.id, name);
      renaming.value = null;
      status.value = t('dashboard_recipe_renamed', name);
      await refresh();
      if (recipe) await notify([recipe.origin]);
    } catch (failure) {
      error.value = t('dashboard_recipe_not_renamed', errorMessage(failure));
    }
  }

  async function remove(id: string) {
    const recipe = recipes.value.find((one) => one.id === id);
    if (!recipe) return;
    error.value = null;
    try {
      await deleteRecipe(deps.db, id);
      if (renaming.value?.id === id) renaming.value = null;
      deleted.value = recipe;
      status.value = t('dashboard_recipe_deleted', recipe.name);
      await refresh();
      await notify([recipe.origin]);
    } catch (failure) {
      error.value = t('dashboard_recipe_not_deleted', errorMessage(failure));
    }
  }

  /** Puts back the last deleted recipe as it was: same id, name, dates. */
  async function undoDelete() {
    const recipe = deleted.value;
    if (!recipe) return;
    error.value = null;
    try {
      await importRecipes(deps.db, [recipe]);
      deleted.value = null;
      status.value = t('dashboard_recipe_restored', recipe.name);
      await refresh();
      await notify([recipe.origin]);
    } catch (failure) {
      error.value = t('dashboard_recipe_not_restored', errorMessage(failure));
    }
  }

  function exportRecipes() {
    deps.download(RECIPES_FILE_NAME, recipesFileText(recipes.value), 'application/json;charset=utf-8');
    status.value = tPlural('dashboard_recipes_exported', recipes.value.length, RECIPES_FILE_NAME);
  }

  /** Imports every recipe of an exported file, or none: a bad file changes nothing. */
  async function importFile(file: File) {
    busy.value = true;
    error.value = null;
    status.value = null;
    try {
      if (file.size > MAX_FILE_BYTES) {
        error.value = t('dashboard_recipes_not_imported', file.name, t('dashboard_recipes_file_too_large'));
        return;
      }
      const read = readRecipesFile(await file.text());
      if (!read.ok) {
        error.value = t('dashboard_recipes_not_imported', file.name, read.error);
        return;
      }
      const imported = await importRecipes(deps.db, read.recipes);
      // Imported recipes may have the id of the one awaiting undo; the file's copy wins.
      deleted.value = null;
      status.value = tPlural('dashboard_recipes_imported', imported.length, file.name);
      await refresh();
      await notify(imported.map((recipe) => recipe.origin));
    } catch (failure) {
      error.value = t('dashboard_recipes_not_imported', file.name, sentence(failure));
    } finally {
      busy.value = false;
    }
  }

  return {
    recipes,
    renaming,
    deleted,
    status,
    error,
    busy,
    refresh,
    startRename,
    cancelRename,
    saveRename,
    remove,
    undoDelete,
    exportRecipes,
    importFile,
  };
}

export type RecipesModel = ReturnType<typeof createRecipesModel>;
