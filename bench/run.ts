/**
 * Benchmarks, run with `npm run bench [-- <suite>] [--json] [--epochs N]`. Each suite is a module
 * in bench/suites exporting `runSuite`; it drives the built CLI as a user would and prints a
 * table, or with --json one JSON object.
 *
 *   20ng (default)  full 20 Newsgroups bydate split: train on train, evaluate on test
 *   corpus          sort a 30-file inbox of real documents plus every hostile file
 *   faults          1,000 journaled moves under seeded SIGKILLs: files lost and duplicated
 *   classify        Docsort against TF-IDF + LinearSVC and fastText on 20NG, R8 and R52
 *   load            1,000 files dropped at once into a folder `docsort serve` watches
 *   library         start, list and search a library of 20,000 documents
 *   fewshot         every system trained on 1, 5 and 20 documents per 20NG class
 *   correction      seconds until a correction applies, accuracy before and after
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { SuiteOptions } from './suites/common'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    epochs: { type: 'string' },
    // Read by the classify suite from process.argv.
    datasets: { type: 'string' },
  },
})
const suites = readdirSync(join(import.meta.dirname, 'suites'))
  .filter((f) => f.endsWith('.ts') && f !== 'common.ts')
  .map((f) => f.slice(0, -3))
const suite = positionals[0] ?? '20ng'
const file = join(import.meta.dirname, 'suites', `${suite}.ts`)
if (!suites.includes(suite) || !existsSync(file)) {
  console.error(`Unknown benchmark suite "${suite}". Suites: ${suites.join(', ')}`)
  process.exit(2)
}
const options: SuiteOptions = {
  json: values.json,
  epochs: values.epochs === undefined ? undefined : Number(values.epochs),
}
const module = (await import(file)) as { runSuite: (options: SuiteOptions) => Promise<void> }
await module.runSuite(options)
