/**
 * A separate process that writes a file in two parts under its final name and keeps it open in
 * between, as curl or a scanner driver does when the network or the device pauses.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

const SCRIPT = `
const fs = require('node:fs')
const [path, first, rest] = process.argv.slice(1)
const fd = fs.openSync(path, 'w')
fs.writeSync(fd, first)
process.stdout.write('paused\\n')
process.stdin.once('data', () => {
  fs.writeSync(fd, rest)
  fs.closeSync(fd)
  process.exit(0)
})
`

export interface PausedWriter {
  /** Writes the rest, closes the file and waits for the process to end. */
  finish(): Promise<void>
  kill(): void
}

/** Resolves once the first part is written and the writer is paused with the file open. */
export async function startPausedWriter(
  path: string,
  first: string,
  rest: string,
): Promise<PausedWriter> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SCRIPT, path, first, rest], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  await once(child.stdout ?? child, 'data')
  return {
    finish: async () => {
      const exited = once(child, 'exit')
      child.stdin?.end('go\n')
      await exited
    },
    kill: () => child.kill('SIGKILL'),
  }
}
