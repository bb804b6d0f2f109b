import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/loopback-only.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own process: adapters and fakes open ports and patch nothing global
    // beyond the loopback guard, but native handles (SQLite) are simpler to reason about.
    pool: 'forks',
  },
});
