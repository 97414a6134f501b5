/** The tray icon and its menu: open the window, pause or resume watching, quit. */
import { Menu, Tray, type NativeImage } from 'electron'
import type { ShellText } from './shell-text'

export interface TrayActions {
  open: () => void
  setPaused: (paused: boolean) => void
  quit: () => void
}

export interface TrayView {
  paused: boolean
  text: ShellText
}

export class AppTray {
  readonly #tray: Tray
  readonly #actions: TrayActions

  constructor(icon: NativeImage, actions: TrayActions, view: TrayView) {
    this.#tray = new Tray(icon)
    this.#actions = actions
    // Linux's AppIndicator sends no click events; there the menu's first item does the same.
    this.#tray.on('click', () => actions.open())
    this.update(view)
  }

  /** Rebuilds the menu: Linux shows a menu's changed labels only when it is set again. */
  update(view: TrayView): void {
    const { text, paused } = view
    this.#tray.setToolTip(text.tooltip(paused))
    this.#tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: text.open, click: () => this.#actions.open() },
        { type: 'separator' },
        {
          label: paused ? text.resume : text.pause,
          click: () => this.#actions.setPaused(!paused),
        },
        { type: 'separator' },
        { label: text.quit, click: () => this.#actions.quit() },
      ]),
    )
  }

  destroy(): void {
    if (!this.#tray.isDestroyed()) this.#tray.destroy()
  }
}
