import { z } from 'zod';

/** The user's settings, each stored under its own key; a missing key means the default. */
export const SETTINGS = {
  /** A sample counts as converted when the same contact buys the product within this many days. */
  sampleConversionDays: {
    schema: z.number().int().min(1, 'at least 1 day').max(365, 'at most 365 days'),
    default: 30,
  },
  /** Reorders due within this many days are listed as due (overdue ones always are). */
  reorderLookaheadDays: {
    schema: z.number().int().min(0, 'at least 0 days').max(90, 'at most 90 days'),
    default: 7,
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

/** How a setting is stored: its key and a value its schema accepts. */
export interface StoredSetting {
  key: string;
  value: unknown;
}
