/** Exposes the typed request API to the renderer, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron'
import type { DocsortApi } from '../shared/api'

const api: DocsortApi = {
  invoke: (name, params) => ipcRenderer.invoke(name, params),
}

contextBridge.exposeInMainWorld('docsort', api)
