import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What a built bundle must not hold (DESIGN.md: no eval, new Function or HTML from strings), for
 * every build Tally ships: the extension packages (built-extension.test.ts) and the web app
 * (built-web-app.test.ts).
 */

/** Every script and page of a built folder, as full paths. */
export function builtScripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(m?js|html)$/.test(name))
    .map((name) => join(dir, name));
}

/** Code from strings, and HTML from strings: the shapes a minifier leaves them in. */
export const FORBIDDEN_CODE: [string, RegExp][] = [
  ['eval', /(^|[^\w$.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['Function(...)', /(^|[^\w$.])Function\s*\(\s*[`'"a-zA-Z_$]/],
  // The constructor kept under another name, to be called later ("let e=Function").
  ['Function aliased', /[=:(,]\s*Function\s*[,;)}]/],
  ['innerHTML assignment', /\.(innerHTML|outerHTML)\s*=[^=]/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['string timer', /set(Timeout|Interval)\s*\(\s*[`'"]/],
];

/**
 * Each place in the scripts of `dir` that matches one of `patterns` (FORBIDDEN_CODE unless
 * given), as "file: what near "…"", for `expect(...).toEqual([])`.
 */
export function findInBundles(dir: string, patterns: readonly [string, RegExp][] = FORBIDDEN_CODE): string[] {
  const found: string[] = [];
  for (const file of builtScripts(dir)) {
    const code = readFileSync(file, 'utf8');
    for (const [what, pattern] of patterns) {
      const match = pattern.exec(code);
      if (match) {
        const at = match.index;
        found.push(`${relative(dir, file)}: ${what} near "${code.slice(Math.max(0, at - 40), at + 40)}"`);
      }
    }
  }
  return found;
}
