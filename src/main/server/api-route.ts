/**
 * `POST /api/<name>`: checks the token, the content type and the body's size and syntax, then
 * hands name and params to the ApiHost, which validates them. The host's envelope is the answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { HTTP_API_PREFIX, TOKEN_HEADER } from '../../shared/api'
import type { ApiHost } from '../api/host'
import { isTokenValid, sendJson, sendRefusal } from './request-guard'

/** Requests carry names, ids and short settings; a megabyte is far beyond any real one. */
const MAX_BODY_BYTES = 1024 * 1024

export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: { host: ApiHost; token: string },
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return sendRefusal(res, 405, 'The API takes POST requests only')
  }
  if (!isTokenValid(req.headers[TOKEN_HEADER], options.token)) {
    return sendRefusal(res, 401, 'Missing or wrong token')
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return sendRefusal(res, 415, 'The request body must be application/json')
  }
  const name = requestName(pathname)
  if (name === null) return sendRefusal(res, 400, 'The request name is not plainly written')

  const body = await readBody(req, MAX_BODY_BYTES)
  if (body === null) {
    // The rest of an oversized body is not read; closing is cheaper than draining it.
    res.setHeader('Connection', 'close')
    return sendRefusal(res, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes`)
  }
  let params: unknown
  try {
    params = JSON.parse(body)
  } catch {
    return sendRefusal(res, 400, 'The request body is not valid JSON')
  }

  sendJson(res, 200, await options.host.invoke(name, params))
}

function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/json\s*(;|$)/i.test(value)
}

function requestName(pathname: string): string | null {
  try {
    const name = decodeURIComponent(pathname.slice(HTTP_API_PREFIX.length))
    return name.length > 0 && !/[/\\\0]/.test(name) ? name : null
  } catch {
    return null
  }
}

/** The body as UTF-8 text, or null once it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      req.off('end', onEnd)
      resolve(null)
    }
    const onEnd = (): void => resolve(Buffer.concat(chunks).toString('utf8'))
    req.on('data', onData)
    req.on('end', onEnd)
    req.once('error', reject)
  })
}
