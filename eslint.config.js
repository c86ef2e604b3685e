import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Issue 10: no markup is ever built from text (links, lessons and attributes are hostile). Text goes
      // through textContent or Svelte's escaped {expressions}; svelte/no-at-html-tags forbids {@html}.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Set textContent, or build elements; never parse markup.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
          message: 'Never parse markup from data.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
          message: 'Never parse markup from data.',
        },
      ],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // The engine is pure: no clock, no ambient randomness, no DOM (model.md, "A pure, deterministic engine").
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the run state.' },
        { object: 'Date', property: 'now', message: 'The engine has no clock: time is the step counter.' },
        { object: 'performance', property: 'now', message: 'The engine has no clock.' },
        // Browsers compute these with other last bits than Node (and change them between releases): the
        // engine's own, the same everywhere (src/engine/math/fdlibm.ts).
        ...['log', 'exp', 'sin', 'cos', 'pow', 'tan', 'atan', 'atan2', 'asin', 'acos', 'sinh', 'cosh', 'tanh']
          .concat(['asinh', 'acosh', 'atanh', 'log1p', 'log2', 'log10', 'expm1', 'cbrt', 'hypot'])
          .map((property) => ({
            object: 'Math',
            property,
            message: 'Use src/engine/math/fdlibm.ts: Math differs between JavaScript engines.',
          })),
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch'],
    },
  },
);
