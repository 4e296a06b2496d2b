import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'test-artifacts/', 'tab/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests poke at JSON payloads whose shape they assert.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Deprecated SDKs (botbuilder, TeamsFx) stay in the Teams adapter.
    files: ['bot/**/*.ts'],
    ignores: ['bot/teams/**', 'bot/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder*', '@microsoft/teamsfx'], message: 'Only bot/teams imports botbuilder.' },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: time comes from a Clock, I/O through ports, SDKs stay at the edges.
    files: ['bot/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', '@microsoft/*', 'restify*', '@azure/*', 'node-cron', 'node:*'],
              message: 'The domain is pure: use a port.',
            },
            {
              group: ['**/store/**', '**/http/**', '**/teams/**', '**/scheduler/**', '**/config/**'],
              message: 'The domain does not import adapters.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Config is read in bot/config only.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take time from a Clock.' },
      ],
    },
  },
);
