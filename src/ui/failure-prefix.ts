import { t, type MessageKey } from '../domain/i18n';

/**
 * A prefix for userAction, whose failures read `prefix` + what went wrong: the message of `key`
 * ("$1 was not reconciled: $2") with its last substitution, the failure's own words, left empty.
 * The message stays one sentence for translators, and its spacing before the failure is theirs.
 */
export function failurePrefix(key: MessageKey, ...substitutions: string[]): string {
  return t(key, ...substitutions, '');
}
