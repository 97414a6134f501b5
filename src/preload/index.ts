/**
 * Exposes `window.docsort` and nothing else: typed requests and event listeners over the two IPC
 * channels. Runs sandboxed, so it is bundled to one CommonJS file that requires only electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  IPC_EVENT,
  IPC_INVOKE,
  type DocsortApi,
  type Envelope,
  type EventMessage,
  type EventName,
  type Events,
  type Params,
  type RequestName,
  type Result,
} from '../shared/api'

const api: DocsortApi = {
  invoke<N extends RequestName>(name: N, params: Params<N>): Promise<Envelope<Result<N>>> {
    return ipcRenderer.invoke(IPC_INVOKE, name, params) as Promise<Envelope<Result<N>>>
  },

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    // The Electron event stays here: the page gets only the payload.
    const forward = (_event: IpcRendererEvent, message: EventMessage): void => {
      if (message.name === name) listener(message.payload as Events[E])
    }
    ipcRenderer.on(IPC_EVENT, forward)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward)
    }
  },
}

contextBridge.exposeInMainWorld('docsort', api)
