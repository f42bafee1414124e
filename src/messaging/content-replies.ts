import type { Recipe } from '../adapters/taught';
import { isSiteMode } from '../domain/site-setting';
import type { ResponseOf } from './protocol';

/** Hand-written checks of the worker's answers to the content script (see content-client.ts). */
function record(raw: unknown, type: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${type}: unexpected answer.`);
  return raw as Record<string, unknown>;
}

/**
 * Recipes were fully validated (parseRecipe) when they were taught or imported, and come from
 * Tally's own worker: here only their shape is checked, since parseRecipe would cost the
 * content script ~0.8 KB gzip. readRecipe treats a locator it cannot use as "not found".
 */
function isRecipeShape(value: unknown): value is Recipe {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, origin, pathPattern, fields } = value as Record<string, unknown>;
  return (
    [id, name, origin, pathPattern].every((text) => typeof text === 'string') &&
    typeof fields === 'object' &&
    fields !== null
  );
}

export function parseSiteConfigReply(raw: unknown): ResponseOf<'page.siteConfig'> {
  const reply = record(raw, 'page.siteConfig');
  const { mode, recipes } = reply;
  if (!isSiteMode(mode) || !Array.isArray(recipes) || !recipes.every(isRecipeShape)) {
    throw new Error('page.siteConfig: unexpected answer.');
  }
  return { mode, recipes };
}

export function parseCaptureReply(raw: unknown): ResponseOf<'page.capture'> {
  const { outcome, name } = record(raw, 'page.capture');
  if (outcome === 'confirm') return { outcome };
  if (
    (outcome === 'captured' || outcome === 'updated' || outcome === 'unchanged') &&
    typeof name === 'string'
  ) {
    return { outcome, name };
  }
  throw new Error('page.capture: unexpected answer.');
}

export function parseEmptyReply(raw: unknown): Record<string, never> {
  record(raw, 'reply');
  return {};
}

export function parseRecipeLearnedReply(raw: unknown): ResponseOf<'teach.recipeLearned'> {
  const { recipeId } = record(raw, 'teach.recipeLearned');
  if (typeof recipeId !== 'string') throw new Error('teach.recipeLearned: unexpected answer.');
  return { recipeId };
}
