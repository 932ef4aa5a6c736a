import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Surfaces depend on shared/, never the other way round (design.md: content → shared → surfaces). */
const surfaceImports = {
  patterns: [
    {
      group: [
        '**/pwa/**',
        '**/extension/**',
        '**/cli/**',
        '../pwa*',
        '../extension*',
        '../cli*',
        '../../pwa*',
        '../../extension*',
        '../../cli*',
      ],
      message: 'shared/ is the core: it must not import from pwa/, extension/ or cli/.',
    },
  ],
};

/** A flat config's later entry replaces a rule's options, so every entry that sets this rule repeats these. */
const noEval = [
  { selector: "CallExpression[callee.name='eval']", message: 'No eval: the extension CSP forbids it.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function: the extension CSP forbids it.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.bench/', '.tmp/', 'test-results/', 'content/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'no-restricted-syntax': ['error', ...noEval],
    },
  },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', surfaceImports] },
  },
  {
    files: ['extension/**', 'shared/ui/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page and user text is never parsed as HTML.' },
        { property: 'outerHTML', message: 'Page and user text is never parsed as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Page and user text is never parsed as HTML.' },
      ],
    },
  },
  {
    // Page script can dispatch any event on window, document or our host: content/trusted.ts
    // is the one place that listens, and it lets only the browser's own (trusted) events in.
    files: ['extension/content/**'],
    ignores: ['extension/content/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noEval,
        {
          selector: "CallExpression[callee.property.name='addEventListener']",
          message: 'Listen through onTrusted / onAbort (content/trusted.ts): page script can forge events.',
        },
        {
          selector: "CallExpression[callee.name='addEventListener']",
          message: 'Listen through onTrusted / onAbort (content/trusted.ts): page script can forge events.',
        },
      ],
    },
  },
  prettier,
);
