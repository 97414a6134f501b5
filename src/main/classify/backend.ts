/**
 * Chooses the TensorFlow.js backend: the native `@tensorflow/tfjs-node` when it is installed and
 * its binding loads, else WebAssembly, else plain JavaScript. The native package is optional and
 * may be present without a binding, so it is detected by requiring it, not by resolving it.
 */
import { createRequire } from 'node:module'
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { createLogger } from '../log/logger'

export type BackendName = 'tensorflow' | 'wasm' | 'cpu'

const log = createLogger('classify')

// Named `nodeRequire`: electron-vite injects its own `require` into ESM chunks that mention one.
const nodeRequire = createRequire(import.meta.url)

let chosen: Promise<BackendName> | undefined

/** Initialises a backend once per thread and returns its name. */
export function initBackend(preferred?: BackendName): Promise<BackendName> {
  chosen ??= selectBackend(preferred ?? preferredFromEnvironment())
  return chosen
}

function preferredFromEnvironment(): BackendName | undefined {
  const value = process.env.DOCSORT_TF_BACKEND
  return value === 'tensorflow' || value === 'wasm' || value === 'cpu' ? value : undefined
}

async function selectBackend(preferred: BackendName | undefined): Promise<BackendName> {
  const order: BackendName[] = preferred
    ? [preferred, 'wasm', 'cpu']
    : ['tensorflow', 'wasm', 'cpu']
  for (const name of order) {
    if (await tryBackend(name)) {
      log.info('TensorFlow.js backend ready', { backend: name, tfjs: tf.version_core })
      return name
    }
  }
  throw new Error('No TensorFlow.js backend could be initialised')
}

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    if (name === 'tensorflow') nodeRequire('@tensorflow/tfjs-node')
    const ok = await tf.setBackend(name)
    if (ok) await tf.ready()
    return ok && tf.getBackend() === name
  } catch (error) {
    log.debug('TensorFlow.js backend unavailable', {
      backend: name,
      reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
    })
    return false
  }
}
