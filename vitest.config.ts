import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // Most suites test pure code: a DOM is set up only where a file asks for it (@vitest-environment happy-dom).
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}'],
    // Workers spend much of their time loading modules and setting up DOMs, not computing: on a 2-core
    // machine four threads finish the suite in 34 s where two forks took 59 s.
    pool: 'threads',
    maxWorkers: Math.max(4, availableParallelism()),
  },
});
