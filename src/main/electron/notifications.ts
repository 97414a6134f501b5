/**
 * Desktop notifications for what happened while the user looked elsewhere: files sorted on their
 * own, files waiting for review. Clicking one brings the window forward.
 */
import { Notification, type NativeImage } from 'electron'
import { assertNever } from '../../shared/errors'
import { createLogger } from '../log/logger'
import type { Digest } from './activity-digest'
import type { ShellText } from './shell-text'

const log = createLogger('notify')

/** Names listed in a "files sorted" notification before the rest is left to the count. */
const MAX_NAMES = 3

export interface NotifierOptions {
  icon: NativeImage
  /** The user is looking at the window: the notification would only repeat what it shows. */
  isWindowFocused: () => boolean
  onClick: () => void
}

export class Notifier {
  readonly #options: NotifierOptions
  /** Held until closed: a collected Notification loses its click handler on some platforms. */
  readonly #shown = new Set<Notification>()

  constructor(options: NotifierOptions) {
    this.#options = options
  }

  show(digest: Digest, text: ShellText): void {
    if (!Notification.isSupported() || this.#options.isWindowFocused()) return

    const notification = new Notification({ ...content(digest, text), icon: this.#options.icon })
    this.#shown.add(notification)
    notification.on('click', () => {
      this.#shown.delete(notification)
      this.#options.onClick()
    })
    notification.on('close', () => this.#shown.delete(notification))
    notification.show()
    log.debug('notification shown', { kind: digest.kind, count: digest.count })
  }

  dispose(): void {
    for (const notification of this.#shown) notification.close()
    this.#shown.clear()
  }
}

function content(digest: Digest, text: ShellText): { title: string; body: string } {
  switch (digest.kind) {
    case 'sorted': {
      const listed = digest.names.slice(0, MAX_NAMES).join(', ')
      const more = digest.names.length > MAX_NAMES ? ', …' : ''
      return { title: text.sorted(digest.count), body: `${listed}${more}` }
    }
    case 'waiting':
      return { title: text.waiting(digest.count), body: text.reviewHint }
    default:
      return assertNever(digest, 'digest')
  }
}
