export type ToastTone = 'success' | 'info' | 'error'

export interface Toast {
  id: number
  tone: ToastTone
  text: string
}

/** More than three at once cover the screen they report on; the oldest give way. */
export const MAX_TOASTS = 3

/**
 * The visible toasts after `toast` arrives: oldest first, newest last, so the stack grows from its
 * corner the same way every time. A visible toast saying the same thing gives way to the new one
 * rather than showing twice.
 */
export function withToast(items: readonly Toast[], toast: Toast, limit = MAX_TOASTS): Toast[] {
  const others = items.filter((item) => item.tone !== toast.tone || item.text !== toast.text)
  return [...others, toast].slice(-limit)
}
