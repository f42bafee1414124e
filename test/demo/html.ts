/**
 * HTML built only through the `html` tagged template: every interpolated value is escaped unless it
 * is itself the output of `html`. The demo data is hostile on purpose (see XSS_CUSTOMER_NAME), and the
 * demo must show it as text exactly as a careful vendor would, or the tests of Tally prove nothing.
 * There is deliberately no "raw" escape hatch.
 */

// Not exported: holding it is what lets `html` (and nothing else) create SafeHtml.
const CREATED_BY_HTML = Symbol('SafeHtml');

/** Markup that has already been escaped; only `html` creates it. */
export class SafeHtml {
  readonly #markup: string;
  constructor(token: typeof CREATED_BY_HTML, markup: string) {
    if (token !== CREATED_BY_HTML) throw new TypeError('SafeHtml is created by the html`` template only');
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

/** What may be interpolated: text and numbers are escaped; null, undefined and false render nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in text and in quoted attribute values, which is the only way the templates use attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(CREATED_BY_HTML, markup);
}

export interface PageOptions {
  readonly title: string;
  /** A `<style>` block or other head content, written with `html`. */
  readonly head?: SafeHtml;
  readonly body: SafeHtml;
  readonly bodyClass?: string;
}

/** The document shell every demo page shares: doctype, language, charset, viewport, title. */
export function htmlPage({ title, head, body, bodyClass }: PageOptions): string {
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body${bodyClass ? html` class="${bodyClass}"` : ''}>
${body}
</body>
</html>
`}`;
}
