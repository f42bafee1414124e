// Every word a user reads comes from the i18n catalogs: no component spells out text of its own.
// This reads each component's syntax tree (TypeScript's parser) for JSX text and for the
// attributes that screen readers and tooltips read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/ui', 'entrypoints'];
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'label',
]);

// Text that is not language: symbols, numbers, the product's name, file-format acronyms, example
// addresses.
const NOT_WORDS = /^[\s\d\p{P}\p{S}×·–—…]*$|^Tally$|^[A-Z]{2,4}$|^https?:\/\/\S+$/u;

function components(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.tsx'))
      .map((name) => join(root, name)),
  );
}

/**
 * A string in a JSX child expression (`{done ? 'Saved' : 'Saving…'}`) is shown as text, unless it
 * is a key or an argument (t('key'), format(x, 'short')) or compared against (`kind === 'sample'`).
 */
function shownAsText(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return false;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind !== ts.SyntaxKind.PlusToken) return false;
    if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return false;
    if (ts.isCaseClause(parent) || (ts.isPropertyAssignment(parent) && parent.name === child)) return false;
    if (ts.isJsxAttribute(parent)) return READ_ATTRIBUTES.has(parent.name.getText());
    if (ts.isJsxExpression(parent)) return ts.isJsxElement(parent.parent) || ts.isJsxFragment(parent.parent);
    if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isVariableDeclaration(parent)) return false;
  }
  return false;
}

function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const at = (node: ts.Node) =>
    `${relative('.', file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().trim();
      if (text !== '' && !NOT_WORDS.test(text)) found.push(`${at(node)} text "${text}"`);
    } else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText())) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value.text
          : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
            ? value.expression.text
            : undefined;
      if (literal !== undefined && !NOT_WORDS.test(literal)) {
        found.push(`${at(node)} ${node.name.getText()}="${literal}"`);
      }
      if (literal !== undefined) return;
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) {
      const text = ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
        : node.text;
      if (/\p{L}{2,}/u.test(text) && !NOT_WORDS.test(text) && shownAsText(node)) {
        found.push(`${at(node)} "${text}"`);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  it('spell out no user-facing text: it all comes through t()', () => {
    expect(components().flatMap(literalTexts)).toEqual([]);
  });
});
