// DESIGN.md: no eval, no new Function, no HTML from strings — in Tally's code (eslint) and in every
// bundle it ships (test/e2e/built-extension.test.ts). Some libraries carry such code for features
// Tally never uses; this build step cuts those paths out, and fails the build loudly when a library
// update changes the code it expects, so nothing slips back in unnoticed.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

interface Cut {
  /** The module, by the end of its resolved path. */
  file: RegExp;
  /** The exact source text to remove; the build fails if it is not found. */
  find: string;
  replace: string;
  why: string;
}

const CUTS: Cut[] = [
  {
    file: /zod\/v4\/core\/util\.js$/,
    find: 'const F = Function;\n        new F("");\n        return true;',
    replace: 'return false;',
    why: 'zod probes for eval to speed up object parsing; extension CSPs forbid it, so the answer is always no',
  },
  {
    file: /zod\/v4\/core\/doc\.js$/,
    find: 'const F = Function;',
    replace: 'throw new Error("Tally is built without code from strings.");',
    why: 'zod compiles parsers from strings only when the probe above says yes',
  },
  {
    file: /preact\/dist\/preact\.mjs$/,
    find: '(t.innerHTML=h.__html)',
    replace: '(void 0)',
    why: 'dangerouslySetInnerHTML, which eslint forbids in Tally',
  },
  {
    file: /jspdf-autotable\/dist\/jspdf\.plugin\.autotable\.mjs$/,
    find: "cell.innerHTML = cell.innerHTML.replace(/\\n/g, '').replace(/ +/g, ' ');",
    replace: '',
    why: 'tables read from HTML, which Tally never passes (it gives rows)',
  },
  {
    file: /jspdf-autotable\/dist\/jspdf\.plugin\.autotable\.mjs$/,
    find: "cell.innerHTML = cell.innerHTML\n        .split(/<br.*?>/) //start with '<br' and ends with '>'.\n        .map(function (part) { return part.trim(); })\n        .join('\\n');",
    replace: '',
    why: 'the same HTML table reader',
  },
  {
    file: /jspdf\/dist\/jspdf\.es\.min\.js$/,
    find: 'e.innerHTML&&e.dompurify&&(r.innerHTML=e.dompurify.sanitize(e.innerHTML)),',
    replace: '',
    why: "jsPDF's html() renderer, which Tally never calls",
  },
];

/** jsPDF loads these on demand for html() and SVG images, which Tally never uses. */
export const UNUSED_JSPDF_MODULES = ['html2canvas', 'dompurify', 'canvg'];

export const UNUSED_MODULE_STUB = fileURLToPath(new URL('./unused-module.ts', import.meta.url));

export function noCodeFromStrings(): Plugin {
  return {
    name: 'tally:no-code-from-strings',
    enforce: 'pre',
    transform(code, id) {
      const cuts = CUTS.filter((cut) => cut.file.test(id.split('?')[0] ?? id));
      if (cuts.length === 0) return null;
      let result = code;
      for (const cut of cuts) {
        if (!result.includes(cut.find)) {
          throw new Error(
            `${id}: the code cut for "${cut.why}" is no longer there; review build/no-code-from-strings.ts.`,
          );
        }
        result = result.replace(cut.find, cut.replace);
      }
      return { code: result, map: null };
    },
  };
}
