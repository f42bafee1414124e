import { SETTINGS, type SettingKey, type SettingValue } from '../domain/settings';
import type { TallyDatabase } from './database';

/** A setting's stored value, or its default when unset or no longer valid. */
export async function readSetting<K extends SettingKey>(db: TallyDatabase, key: K): Promise<SettingValue<K>> {
  const stored = await db.settings.get(key);
  const parsed = SETTINGS[key].schema.safeParse(stored?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

/** Stores a setting; throws the schema's message when the value is not allowed. */
export async function writeSetting<K extends SettingKey>(
  db: TallyDatabase,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const parsed = SETTINGS[key].schema.parse(value);
  await db.settings.put({ key, value: parsed });
}
