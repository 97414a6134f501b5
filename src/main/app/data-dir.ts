/** Where Docsort keeps its state: the OS data folder by default, or one the user names. */
import { resolve, join } from 'node:path'
import envPaths from 'env-paths'

export interface DataPaths {
  root: string
  database: string
  models: string
  logs: string
}

export function dataPaths(override?: string): DataPaths {
  const root = resolve(
    override ?? process.env.DOCSORT_DATA_DIR ?? envPaths('docsort', { suffix: '' }).data,
  )
  return {
    root,
    database: join(root, 'library.db'),
    models: join(root, 'models'),
    logs: join(root, 'logs'),
  }
}
