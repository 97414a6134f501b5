import type { DocsortApi } from '../../../../shared/api'

/** The global the Electron preload adds; absent in a plain browser tab. */
export interface IpcHost {
  docsort?: DocsortApi
}

export function hasIpcApi(host: IpcHost): host is IpcHost & { docsort: DocsortApi } {
  return typeof host.docsort === 'object' && host.docsort !== null
}

/** The preload's object is already a DocsortApi: nothing to adapt, only to find. */
export function ipcApi(host: IpcHost = globalThis as IpcHost): DocsortApi {
  if (!hasIpcApi(host)) throw new Error('window.docsort is missing: the preload did not run')
  return host.docsort
}
