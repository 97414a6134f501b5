/**
 * `docsort serve`: the desktop UI in a browser. Opens the application service, serves it with the
 * built renderer on a loopback port behind a per-run token, and runs until Ctrl+C.
 */
import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startServer } from '../server/server'
import { DocsortService } from '../service/docsort-service'
import { UsageError } from './commands'
import type { Output } from './output'

export interface ServeContext {
  out: Output
  dataDir: string
  /** 0: any free port. */
  port: number
  /** Folders under which the UI may configure folders; empty: the service's default (home). */
  allow: string[]
  rendererDir: string
  signal: AbortSignal
}

/** undefined when absent, null when present but not a port number. */
export function parsePort(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN
  return port <= 65535 ? port : null
}

export async function serveCommand(ctx: ServeContext): Promise<number> {
  const { out, signal } = ctx
  if (!existsSync(join(ctx.rendererDir, 'index.html'))) {
    out.error(`the browser UI is not built (no ${ctx.rendererDir}); run "npm run build" first`)
    return 1
  }
  const allowedRoots = await Promise.all(ctx.allow.map(existingFolder))

  const service = await DocsortService.open({
    dataDir: ctx.dataDir,
    ...(allowedRoots.length > 0 ? { allowedRoots } : {}),
  })
  try {
    const server = await startServer({
      host: service,
      rendererDir: ctx.rendererDir,
      port: ctx.port,
    }).catch((error: unknown) => {
      const reason = listenFailure(error, ctx.port)
      if (reason === null) throw error
      out.error(reason)
      return null
    })
    if (!server) return 1

    // The URL is the first line so that a script can read it, token included.
    if (out.json) process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
    else out.line(server.url)
    out.line('Open this address in a browser on this computer. Press Ctrl+C to stop.')
    await aborted(signal)
    await server.close()
    return 0
  } finally {
    await service.close()
  }
}

async function existingFolder(path: string): Promise<string> {
  const folder = resolve(path)
  const stats = await stat(folder).catch(() => null)
  if (!stats?.isDirectory()) throw new UsageError(`--allow ${path}: not an existing folder`)
  return folder
}

/** A readable reason when the port cannot be listened on; null for any other failure. */
function listenFailure(error: unknown, port: number): string | null {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') {
    return `port ${port} on 127.0.0.1 is already in use; choose another with --port, or --port 0`
  }
  if (code === 'EACCES') {
    return `port ${port} needs privileges this user lacks; choose one above 1023 with --port`
  }
  return null
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}
