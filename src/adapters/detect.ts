import {
  cleanText,
  parseContactSnapshot,
  SNAPSHOT_LIMITS,
  type ContactSnapshot,
  type SnapshotField,
} from '../domain/contact-snapshot';
import { errorMessage } from '../domain/errors';
import { t } from '../domain/i18n';
import type { BackOfficeAdapter, PageFields } from './adapter';
import { detectGeneric } from './generic';
import { readRecipe, recipeMatches, type Recipe } from './taught';

/** What found the contact: a built-in adapter, a recipe the user taught, or the generic guess. */
export interface DetectionSource {
  kind: 'adapter' | 'taught' | 'generic';
  /** Adapter id, recipe id, or "generic". */
  id: string;
  name: string;
}

/** Below this, a guess is offered as a "possible contact" to confirm, never captured silently. */
export const SURE_CONFIDENCE = 0.75;

export type Detection =
  | { status: 'none' }
  | { status: 'found'; source: DetectionSource; snapshot: ContactSnapshot; confidence: number }
  /** A page an adapter or recipe recognises but can no longer read: its back office changed. */
  | { status: 'broken'; source: DetectionSource; reason: string; partial: PageFields };

export interface DetectionKnowledge {
  adapters: readonly BackOfficeAdapter[];
  /** Recipes taught for this page's origin. */
  recipes: readonly Recipe[];
  /** Whether to guess on pages nothing else knows. */
  generic: boolean;
}

/**
 * The contact on this page: from the first built-in adapter whose URL filter and DOM check
 * pass, else the first matching recipe, else (when allowed) the generic guess.
 */
export function detectContact(doc: Document, url: URL, knowledge: DetectionKnowledge): Detection {
  for (const adapter of knowledge.adapters) {
    if (!adapter.matches(url) || !adapter.detect(doc)) continue;
    const source: DetectionSource = { kind: 'adapter', id: adapter.id, name: adapter.name };
    return settle(source, url, () => ({ fields: adapter.extract(doc, url), missing: [] }), 1);
  }
  for (const recipe of knowledge.recipes) {
    if (!recipeMatches(recipe, url)) continue;
    const source: DetectionSource = { kind: 'taught', id: recipe.id, name: recipe.name };
    return settle(source, url, () => readRecipe(doc, url, recipe), 1);
  }
  if (!knowledge.generic) return { status: 'none' };
  const guess = detectGeneric(doc, url);
  if (!guess) return { status: 'none' };
  const source: DetectionSource = { kind: 'generic', id: 'generic', name: t('adapters_best_guess') };
  return settle(source, url, () => ({ fields: guess.fields, missing: [] }), guess.confidence);
}

function settle(
  source: DetectionSource,
  url: URL,
  read: () => { fields: PageFields; missing: readonly SnapshotField[] },
  confidence: number,
): Detection {
  let fields: PageFields = {};
  try {
    const result = read();
    fields = result.fields;
    if (result.missing.length > 0) {
      return {
        status: 'broken',
        source,
        reason: t('adapters_not_found', result.missing.join(', ')),
        partial: clean(fields),
      };
    }
    const backOffice = source.kind === 'adapter' ? source.id : source.kind;
    const snapshot = parseContactSnapshot({ ...fields, backOffice, url: url.href });
    return { status: 'found', source, snapshot, confidence };
  } catch (error) {
    return { status: 'broken', source, reason: errorMessage(error), partial: clean(fields) };
  }
}

/** What a broken page still shows, cleaned, to prefill the form the user completes. */
function clean(fields: PageFields): PageFields {
  const partial: PageFields = {};
  for (const field of Object.keys(SNAPSHOT_LIMITS) as SnapshotField[]) {
    const text = cleanText(fields[field], SNAPSHOT_LIMITS[field]);
    if (text !== undefined) partial[field] = text;
  }
  if (fields.role) partial.role = fields.role;
  return partial;
}
