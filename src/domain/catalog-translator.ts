import type { Translator } from './i18n';

/**
 * A translator over a flat catalog ({ key: "text with $1" }), filling $1…$9 and `$$` as browsers
 * do: where no browser i18n exists (the web app, unit tests in Node).
 */
export function catalogTranslator(messages: Readonly<Record<string, string>>): Translator {
  return (key, substitutions = []) =>
    (messages[key] ?? '').replace(/\$(\$|\d)/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
}
