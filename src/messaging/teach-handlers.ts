import { saveTaughtRecipe } from '../db/recipes';
import type { Handlers } from './router';
import { targetTab } from './sender';
import { originOf, siteChanged, type SiteDeps } from './site-handlers';

export interface TeachDeps extends SiteDeps {
  /** Runs the teach picker in the tab (injected on demand: it is not in the content script). */
  startPicker(tabId: number): Promise<void>;
}

export function teachHandlers(deps: TeachDeps): Pick<Handlers, 'teach.start' | 'teach.recipeLearned'> {
  return {
    'teach.start': async (request, sender) => {
      await deps.startPicker(targetTab(request, sender));
      return {};
    },
    'teach.recipeLearned': async ({ draft }, sender) => {
      // A tab may teach recipes for its own origin only.
      if (draft.origin !== originOf(sender.url))
        throw new Error('A recipe must be for the page it was taught on.');
      const recipe = await saveTaughtRecipe(deps.db(), draft);
      await siteChanged(deps, recipe.origin);
      return { recipeId: recipe.id };
    },
  };
}
