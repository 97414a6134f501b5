import { defineConfig } from 'vitest/config'
import { workerModulePlugin } from './tests/support/worker-module-plugin'

export default defineConfig({
  plugins: [workerModulePlugin()],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: training tests and extraction workers fight for CPU if files run in parallel.
    fileParallelism: false,
  },
})
