// Lint: typescript-eslint's type-aware recommended rules, zero warnings allowed (see `npm run lint`).
// The import-direction rules keep domain code free of adapters: only the composition root picks adapters.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapterImports = {
  patterns: [
    {
      group: ['**/adapters/**', 'better-sqlite3', 'ioredis', 'bullmq', 'meilisearch', 'mingo', 'mingo/*'],
      message: 'Domain code talks to ports only; adapters are chosen in server/main.ts (the composition root).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'web/vendor/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['server/domain/**/*.ts', 'server/http/**/*.ts', 'matcher/rank/**/*.ts', 'matcher/text/**/*.ts', 'jobs/handlers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', adapterImports] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // Response bodies from supertest and socket.io-client are `any` by design; assertions check their shape.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain Node scripts: no type information to check, Node's globals available.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
