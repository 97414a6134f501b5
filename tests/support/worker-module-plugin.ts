/**
 * Vitest does not know electron-vite's `?modulePath` and `?nodeWorker` imports. This plugin
 * builds the referenced worker entry with Vite into a cache folder inside the project (so that
 * bare imports resolve from node_modules) and hands back what electron-vite would.
 */
import { createHash } from 'node:crypto'
import { resolve, dirname } from 'node:path'
import { build, type Plugin } from 'vite'

const SUFFIXES = ['?modulePath', '?nodeWorker'] as const

export function workerModulePlugin(): Plugin {
  const built = new Map<string, Promise<string>>()

  const buildWorker = (file: string): Promise<string> => {
    const existing = built.get(file)
    if (existing) return existing
    const outDir = resolve(
      'node_modules/.cache/test-workers',
      createHash('sha1').update(file).digest('hex').slice(0, 12),
    )
    const pending = build({
      configFile: false,
      logLevel: 'warn',
      build: {
        ssr: file,
        outDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: 'worker.mjs' } },
      },
    }).then(() => resolve(outDir, 'worker.mjs'))
    built.set(file, pending)
    return pending
  }

  return {
    name: 'docsort:test-worker-modules',
    enforce: 'pre',
    async resolveId(source, importer) {
      const suffix = SUFFIXES.find((s) => source.endsWith(s))
      if (!suffix || !importer) return null
      const bare = source.slice(0, -suffix.length)
      const target = await this.resolve(bare, importer, { skipSelf: true })
      if (!target) return null
      return `\0docsort-worker:${suffix}:${target.id}`
    },
    async load(id) {
      if (!id.startsWith('\0docsort-worker:')) return null
      const [, suffix, ...rest] = id.split(':')
      const file = rest.join(':')
      const workerFile = await buildWorker(file)
      const path = JSON.stringify(workerFile)
      if (suffix === '?modulePath') return `export default ${path}`
      return [
        `import { Worker } from 'node:worker_threads'`,
        `export default (options) => new Worker(${path}, options)`,
      ].join('\n')
    },
    config() {
      return { server: { watch: { ignored: [resolve(dirname('.'), 'node_modules/.cache/**')] } } }
    },
  }
}
