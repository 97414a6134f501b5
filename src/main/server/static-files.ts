/**
 * GET and HEAD of the built renderer's files. A path is served only when every segment is plainly
 * written (no `.`, `..`, separators or NUL, encoded or not) and the real file lies inside the
 * renderer folder; anything else is refused or not found, never read.
 */
import { readFile, realpath } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { sendRefusal } from './request-guard'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG'])

/** `root` must be a real path (symlinks resolved), as the containment check compares real paths. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  root: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    return sendRefusal(res, 405, 'Files take GET and HEAD requests only')
  }
  const segments = pathSegments(pathname)
  if (segments === 'refused') return sendRefusal(res, 400, 'The path is not plainly written')
  const content = segments && (await readInside(root, segments))
  if (!content) return sendRefusal(res, 404, 'Not found')

  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(segments.at(-1) ?? '')] ?? 'application/octet-stream',
    'Content-Length': content.length,
  })
  res.end(req.method === 'HEAD' ? undefined : content)
}

/** The decoded segments; null for a path that names no file (a folder); 'refused' for tricks. */
function pathSegments(pathname: string): string[] | null | 'refused' {
  if (pathname === '/') return ['index.html']
  const segments: string[] = []
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return 'refused'
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return 'refused'
    if (segment === '') return null
    segments.push(segment)
  }
  return segments
}

/**
 * The bytes of a file inside `root`, or null. The renderer's files are build output of a few
 * hundred kilobytes at most, so each is read whole rather than streamed.
 */
async function readInside(root: string, segments: string[]): Promise<Buffer | null> {
  const inside = (path: string): boolean => path.startsWith(root + sep)
  const path = resolve(root, ...segments)
  if (!inside(path)) return null
  try {
    // A symlink in the folder could point anywhere; what counts is where it really leads.
    const real = await realpath(path)
    return inside(real) ? await readFile(real) : null
  } catch (error) {
    if (NOT_FOUND.has((error as NodeJS.ErrnoException).code ?? '')) return null
    throw error
  }
}
