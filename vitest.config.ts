import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['test/unit/setup.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}'],
  },
});
