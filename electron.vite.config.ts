import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

export default defineConfig({
  main: {
    build: {
      // tfjs-node is an optional dependency: externalize it explicitly so that the build does not
      // depend on whether its native install happened to succeed on this machine.
      externalizeDeps: { include: ['@tensorflow/tfjs-node'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot be an ES module: Electron runs it as a CommonJS script with a
      // require that knows only electron and a few Node polyfills. The .cjs name keeps Node from
      // reading it as ESM under the package's "type": "module".
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    plugins: [svelte()],
  },
})
