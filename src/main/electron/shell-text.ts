/**
 * The few words the shell itself shows (tray menu, notifications, the start-up error), in the
 * app's two languages. The renderer has its own catalogue; these never reach it.
 */
import type { Locale } from '../../shared/api'

export interface ShellText {
  open: string
  pause: string
  resume: string
  quit: string
  tooltip: (paused: boolean) => string
  sorted: (count: number) => string
  waiting: (count: number) => string
  reviewHint: string
  startFailed: string
}

const TEXT: Record<Locale, ShellText> = {
  en: {
    open: 'Open Docsort',
    pause: 'Pause watching',
    resume: 'Resume watching',
    quit: 'Quit Docsort',
    tooltip: (paused) => (paused ? 'Docsort: watching paused' : 'Docsort'),
    sorted: (count) => (count === 1 ? '1 file sorted' : `${count} files sorted`),
    waiting: (count) =>
      count === 1 ? '1 file waits for review' : `${count} files wait for review`,
    reviewHint: 'Open Docsort to accept or correct the suggestions.',
    startFailed: 'Docsort could not start',
  },
  'zh-CN': {
    open: '打开 Docsort',
    pause: '暂停监视',
    resume: '恢复监视',
    quit: '退出 Docsort',
    tooltip: (paused) => (paused ? 'Docsort：已暂停监视' : 'Docsort'),
    sorted: (count) => `已整理 ${count} 个文件`,
    waiting: (count) => `${count} 个文件等待确认`,
    reviewHint: '打开 Docsort 确认或更正建议。',
    startFailed: 'Docsort 无法启动',
  },
}

/** `chosen` is the user's setting; null follows the system language (e.g. 'zh-TW' → Chinese). */
export function shellText(chosen: Locale | null, systemLocale: string): ShellText {
  return TEXT[chosen ?? (systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en')]
}
