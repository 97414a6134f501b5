import type { DocsortApi } from '../shared/api'

declare global {
  interface Window {
    docsort: DocsortApi
  }
}
