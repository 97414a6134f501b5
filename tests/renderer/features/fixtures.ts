import type { AppState, ModelView } from '../../../src/shared/api'

/** An app snapshot for a set-up library; tests override the parts they are about. */
export function appState(overrides: Partial<AppState> = {}): AppState {
  return {
    dataDir: '/data',
    settings: { autoSortThreshold: 0.95, locale: null, startAtLogin: false, paused: false },
    categories: [
      { name: 'Invoices', folder: '/d/Invoices', documents: 12 },
      { name: 'Tax', folder: '/d/Tax', documents: 3 },
    ],
    watched: [
      { folder: '/dl', enabled: true },
      { folder: '/desk', enabled: false },
    ],
    model: null,
    inbox: 0,
    training: { running: false, progress: null },
    capabilities: { desktop: true, platform: 'linux' },
    ...overrides,
  }
}

export function modelView(accuracy: number | null): ModelView {
  return {
    version: 'v1',
    createdAt: 0,
    active: true,
    labels: ['Invoices', 'Tax'],
    documents: 15,
    backend: 'cpu',
    metrics:
      accuracy === null
        ? null
        : {
            accuracy,
            macroPrecision: accuracy,
            macroRecall: accuracy,
            macroF1: accuracy,
            perClass: [],
            confusion: [],
            labels: ['Invoices', 'Tax'],
            documents: 5,
          },
    curve: [],
  }
}
