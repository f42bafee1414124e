import { parseRecipe } from '../adapters/taught';
import { isSiteMode } from '../domain/site-setting';
import type { ResponseOf } from './protocol';

/** Hand-written checks of the worker's answers to the content script (see content-client.ts). */
function record(raw: unknown, type: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${type}: unexpected answer.`);
  return raw as Record<string, unknown>;
}

export function parseSiteConfigReply(raw: unknown): ResponseOf<'page.siteConfig'> {
  const reply = record(raw, 'page.siteConfig');
  const { mode, recipes } = reply;
  if (!isSiteMode(mode) || !Array.isArray(recipes)) throw new Error('page.siteConfig: unexpected answer.');
  return { mode, recipes: recipes.map(parseRecipe) };
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
