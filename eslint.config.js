import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Surfaces depend on shared/, never the other way round (content → shared → surfaces; see README.md, Layout). */
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

/** Forbidden everywhere: the extension CSP refuses both. */
const noEval = [
  { selector: "CallExpression[callee.name='eval']", message: 'No eval: the extension CSP forbids it.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function: the extension CSP forbids it.' },
];
/** The guide's views and the extension render no raw HTML: compiled HTML goes through compiledHtml(). */
const noRawHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'No raw HTML: render compiled article HTML with compiledHtml() (shared/ui/article/compiled-html.ts).',
};
/** A rejection nobody handles is an answer nobody sees (a refused permission, a failed scan). */
const noUnhandledThen = {
  selector: "UnaryExpression[operator='void'] > CallExpression[callee.property.name='then']",
  message: 'Handle the rejection: end the chain with .catch() (show it, or logFailure()).',
};
/** Listeners in the content script go through content/trusted.ts. */
const listenTrusted = [
  "CallExpression[callee.property.name='addEventListener']",
  "CallExpression[callee.name='addEventListener']",
].map((selector) => ({
  selector,
  message: 'Listen through onTrusted / onAbort (content/trusted.ts): page script can forge events.',
}));

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
    files: ['extension/**'],
    rules: { 'no-restricted-syntax': ['error', ...noEval, noRawHtml, noUnhandledThen] },
  },
  {
    // Page script can dispatch any event on window, document or our host: content/trusted.ts
    // is the one place that listens, and it lets only the browser's own (trusted) events in.
    files: ['extension/content/**'],
    ignores: ['extension/content/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noEval, noRawHtml, noUnhandledThen, ...listenTrusted] },
  },
  {
    files: ['shared/ui/**'],
    rules: { 'no-restricted-syntax': ['error', ...noEval, noRawHtml] },
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
  prettier,
);
