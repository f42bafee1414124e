import { t } from '../domain/i18n';
import { SETTINGS, type SettingKey, type SettingValue } from '../domain/settings';
import type { TallyDatabase } from './database';

/** A setting's stored value, or its default when unset or no longer valid. */
export async function readSetting<K extends SettingKey>(db: TallyDatabase, key: K): Promise<SettingValue<K>> {
  const stored = await db.settings.get(key);
  const parsed = SETTINGS[key].schema.safeParse(stored?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

/**
 * Stores a setting; throws an Error whose message is the schema's ("at most 365 days") when the
 * value is not allowed. (A ZodError's own message is its issues as JSON, not for a user to read.)
 */
export async function writeSetting<K extends SettingKey>(
  db: TallyDatabase,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(parsed.error.issues[0]?.message ?? t('db_setting_not_valid', key), {
      cause: parsed.error,
    });
  }
  await db.settings.put({ key, value: parsed.data });
}
