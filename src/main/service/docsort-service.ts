/**
 * The desktop application behind both transports: it owns the Docsort core, the watched folders,
 * the training job and the event bus, and answers the typed requests of src/shared/api.ts. It is
 * plain Node; the Electron shell and the browser-mode server only carry its requests and events.
 */
import { homedir } from 'node:os'
import type { AppState, EventMessage, SettingsView } from '../../shared/api'
import type { Envelope } from '../../shared/api'
import type { ApiHost, DesktopBridge } from '../api/host'
import { dispatch } from '../api/dispatch'
import { Docsort, type DocsortOptions } from '../app/docsort'
import type { TextClassifier } from '../classify/classifier'
import { createLogger } from '../log/logger'
import { EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { InboxWatcher, type InboxWatcherOptions } from './inbox-watcher'
import { PathGuard } from './path-guard'
import { readSettings, writeSettings } from './settings'
import { TrainingJob } from './training-job'
import { categoryViews, modelView, ReasonCache } from './views'

export interface DocsortServiceOptions extends DocsortOptions {
  /** Folders under which the UI may configure category and watched folders; default: home. */
  allowedRoots?: string[]
  /** The desktop shell's native abilities; absent in browser mode. */
  desktop?: DesktopBridge
  inbox?: InboxWatcherOptions
}

const log = createLogger('service')

export class DocsortService implements ApiHost {
  readonly app: Docsort
  readonly bus = new EventBus(log)
  readonly guard: PathGuard
  readonly inbox: InboxWatcher
  readonly training: TrainingJob
  readonly desktop: DesktopBridge | undefined
  readonly reasons = new ReasonCache()
  private readonly allowedRoots: string[]
  private readonly handlers

  private constructor(app: Docsort, options: DocsortServiceOptions) {
    this.app = app
    this.desktop = options.desktop
    this.allowedRoots = [...(options.allowedRoots ?? [homedir()])]
    this.guard = new PathGuard(
      () => this.allowedRoots,
      () => [
        ...app.library.listCategories().map((c) => c.folder),
        ...app.library.desk.listWatched().map((w) => w.folder),
      ],
    )
    this.inbox = new InboxWatcher(app, this.bus, () => this.settings(), log, options.inbox)
    this.training = new TrainingJob(app, this.bus, log, () => {
      this.inbox.retryWaiting()
      this.changed()
    })
    this.handlers = createHandlers(this)
  }

  static async open(options: DocsortServiceOptions = {}): Promise<DocsortService> {
    const app = await Docsort.open(options)
    const service = new DocsortService(app, options)
    await service.rewatch()
    return service
  }

  async close(): Promise<void> {
    this.training.cancel()
    await this.training.settled()
    await this.inbox.close()
    await this.app.close()
  }

  invoke(name: string, params: unknown): Promise<Envelope<unknown>> {
    return dispatch(this.handlers, name, params, log)
  }

  subscribe(listener: (event: EventMessage) => void): () => void {
    return this.bus.subscribe(listener)
  }

  get paused(): boolean {
    return this.settings().paused
  }

  async setPaused(paused: boolean): Promise<void> {
    writeSettings(this.app.library.desk, { paused })
    await this.rewatch()
    log.info(paused ? 'watching paused' : 'watching resumed')
    this.changed()
  }

  settings(): SettingsView {
    return readSettings(this.app.library.desk)
  }

  /** A folder picked in the native dialog may be configured even outside the allowed roots. */
  grantFolder(folder: string): void {
    if (!this.allowedRoots.includes(folder)) this.allowedRoots.push(folder)
  }

  state(): AppState {
    const library = this.app.library
    const active = library.activeModel()
    return {
      dataDir: this.app.paths.root,
      settings: this.settings(),
      categories: categoryViews(library),
      watched: library.desk.listWatched().map((w) => ({ folder: w.folder, enabled: w.enabled })),
      model: active ? modelView(active) : null,
      inbox: library.countSuggestions('pending'),
      training: this.training.view(),
      capabilities: { desktop: this.desktop !== undefined, platform: process.platform },
    }
  }

  /** Tells every window that AppState changed. */
  changed(): void {
    this.bus.emit('state:changed', this.state())
  }

  /** Watches the enabled folders, or none while paused. */
  async rewatch(): Promise<void> {
    const folders = this.paused
      ? []
      : this.app.library.desk
          .listWatched()
          .filter((w) => w.enabled)
          .map((w) => w.folder)
    await this.inbox.watch(folders)
  }

  /** The active classifier, its corrections replayed; undefined when there is no model. */
  async classifier(): Promise<TextClassifier | undefined> {
    if (!this.app.library.activeModel()) return undefined
    return this.app.activeClassifier()
  }
}
