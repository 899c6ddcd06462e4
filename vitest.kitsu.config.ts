// Tests against the real local Kitsu stack: `npm run kitsu:up` first.
// Node environment (real fetch and sockets), sequential files because they
// share one seeded production, generous timeouts for a loaded machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/kitsu/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
