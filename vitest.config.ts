import { defineConfig } from 'vitest/config';

// Core, shared and host tests run under plain Node; component tests opt into happy-dom per file.
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/crash/**/*.test.ts', 'test/platform/**/*.test.ts', 'test/sync/**/*.test.ts', 'test/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
