import { signal } from '@preact/signals';
import type { TallyDatabase } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings';
import { toEmbedOrigin } from '../../domain/embed-message';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';

export interface EmbedAccessDeps {
  db: TallyDatabase;
  /** The address of the web app's own `embed.js`, for the line a back office pastes. */
  scriptHref: string;
}

/**
 * `Embedding`: the back offices (origins) the user allows to dock the web app's sidebar and tell
 * it the customer on screen, and the line they add to their pages.
 */
export function createEmbedAccessModel(deps: EmbedAccessDeps) {
  const origins = signal<string[]>([]);
  const input = signal('');
  const message = signal<string | null>(null);
  const error = signal<string | null>(null);
  const snippet = `<script src="${deps.scriptHref}" defer></script>`;

  async function refresh() {
    origins.value = await readSetting(deps.db, 'embedOrigins');
  }

  async function save(next: string[], done: string) {
    error.value = null;
    try {
      await writeSetting(deps.db, 'embedOrigins', next);
      message.value = done;
      return true;
    } catch (failure) {
      message.value = null;
      error.value = t('embed_not_saved', errorMessage(failure));
      return false;
    } finally {
      await refresh();
    }
  }

  async function allow() {
    const origin = toEmbedOrigin(input.value);
    if (!origin) {
      message.value = null;
      error.value = t('embed_not_an_origin');
      return;
    }
    const current = await readSetting(deps.db, 'embedOrigins');
    const next = current.includes(origin) ? current : [...current, origin].sort();
    if (await save(next, t('embed_now_allowed', origin))) input.value = '';
  }

  async function remove(origin: string) {
    const current = await readSetting(deps.db, 'embedOrigins');
    await save(
      current.filter((allowed) => allowed !== origin),
      t('embed_removed', origin),
    );
  }

  return { origins, input, message, error, snippet, refresh, allow, remove };
}

export type EmbedAccessModel = ReturnType<typeof createEmbedAccessModel>;
