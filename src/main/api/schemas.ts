/**
 * Parameter schemas for every request of the contract in src/shared/api.ts. The renderer is
 * untrusted input: main parses params with these before any service sees them, and the mapped
 * type makes a schema that drifts from the contract a compile error. Paths are only checked for
 * shape here; whether they lie inside configured folders is the PathGuard's job.
 */
import { z } from 'zod'
import { LOCALES, type Params, type RequestName } from '../../shared/api'

const empty = z.strictObject({})
const path = z.string().min(1).max(4096)
const name = z.string().trim().min(1).max(200)
const id = z.number().int().positive()
const fraction = z.number().min(0).max(1)

type Schemas = { [N in RequestName]: z.ZodType<Params<N>> }

export const REQUEST_SCHEMAS: Schemas = {
  'app:state': empty,
  'settings:update': z.strictObject({
    autoSortThreshold: fraction.optional(),
    locale: z.enum(LOCALES).nullable().optional(),
    startAtLogin: z.boolean().optional(),
  }),
  'category:add': z.strictObject({ name, folder: path }),
  'category:rename': z.strictObject({ name, to: name }),
  'category:remove': z.strictObject({ name }),
  'category:learn': z.strictObject({ name }),
  'folder:learn': z.strictObject({ folder: path }),
  'folder:pick': empty,
  'watch:add': z.strictObject({ folder: path }),
  'watch:remove': z.strictObject({ folder: path }),
  'watch:set-enabled': z.strictObject({ folder: path, enabled: z.boolean() }),
  'watch:pause': z.strictObject({ paused: z.boolean() }),
  'watch:recent': z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
  'inbox:list': z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
  'suggestion:accept': z.strictObject({ id }),
  'suggestion:correct': z.strictObject({ id, category: name }),
  'suggestion:skip': z.strictObject({ id }),
  'suggestion:accept-all': z.strictObject({ minConfidence: fraction }),
  'file:open': z.strictObject({ path }),
  'file:reveal': z.strictObject({ path }),
  'model:retrain': empty,
  'model:cancel': empty,
  'model:list': empty,
  'model:rollback': z.strictObject({ version: z.string().min(1).max(100) }),
  'history:list': z.strictObject({
    limit: z.number().int().min(1).max(1000).optional(),
    before: id.optional(),
  }),
  'library:search': z.strictObject({
    query: z.string().min(1).max(200),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  'history:undo': z.strictObject({ moveIds: z.array(id).min(1).max(1000) }),
}

export function isRequestName(value: string): value is RequestName {
  return Object.hasOwn(REQUEST_SCHEMAS, value)
}
