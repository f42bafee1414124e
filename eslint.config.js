import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtmlFromStrings = [
  { object: 'document', property: 'write', message: 'Render text, never HTML built from strings.' },
];

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'bench-results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // DESIGN.md: page data is untrusted. No HTML from strings, no code from strings.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': ['error', ...noHtmlFromStrings],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]',
          message: 'Render text (textContent), never HTML built from strings.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML built from strings.',
        },
        {
          selector: "MemberExpression[property.name='onMessageExternal']",
          message: 'DESIGN.md: no messages from other extensions or web pages.',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The content script runs in the back office's origin: it must never open the database,
    // and it must stay small (no framework).
    files: ['entrypoints/content/**', 'src/adapters/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', '**/db/**'], message: 'Storage opened here belongs to the vendor origin.' },
            {
              group: ['preact', 'preact/*', '@preact/*', '**/ui/**'],
              message: 'The content script stays framework-free.',
            },
            { group: ['zod'], message: 'Use zod/mini in the content script (size budget).' },
          ],
        },
      ],
    },
  },
  {
    // Pure layers run in plain Node: no browser API, no database, no UI.
    files: ['src/domain/**', 'src/csv/**', 'src/reconcile/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', 'dexie', 'preact', 'preact/*', '@preact/*'], message: 'Pure layer.' },
            {
              group: ['**/db/**', '**/ui/**', '**/messaging/**', '**/adapters/**'],
              message: 'Dependencies point one way.',
            },
          ],
        },
      ],
    },
  },
);
