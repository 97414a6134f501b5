// Rebuilds native modules (better-sqlite3) for Electron's ABI, for running the desktop app.
// `npm ci` builds them for Node.js, which the CLI and the tests use; after this script the CLI
// needs `npm rebuild better-sqlite3` to go back.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const nodeRequire = createRequire(import.meta.url)
const electronDir = dirname(nodeRequire.resolve('electron/package.json'))
const pathFile = join(electronDir, 'path.txt')
const binary = existsSync(pathFile)
  ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  : null

if (!binary || !existsSync(binary)) {
  process.stdout.write(
    'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?): native modules stay built for Node.js.\n',
  )
  process.exit(0)
}

const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
execFileSync(
  'npm',
  [
    'rebuild',
    'better-sqlite3',
    '--runtime=electron',
    `--target=${version}`,
    '--dist-url=https://electronjs.org/headers',
  ],
  { stdio: 'inherit' },
)
