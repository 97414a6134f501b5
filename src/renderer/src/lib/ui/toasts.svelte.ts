import { withToast, type Toast, type ToastTone } from './toast-list'

export type { Toast, ToastTone } from './toast-list'

/** Errors stay longer: they are read, not glanced at. */
const LIFETIME_MS: Record<ToastTone, number> = { success: 5000, info: 5000, error: 9000 }

export class Toasts {
  items: Toast[] = $state.raw([])
  #next = 1

  show(tone: ToastTone, text: string): void {
    const toast = { id: this.#next++, tone, text }
    this.items = withToast(this.items, toast)
    setTimeout(() => this.dismiss(toast.id), LIFETIME_MS[tone])
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id)
  }
}
