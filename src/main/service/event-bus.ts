/**
 * Fans the service's events out to every transport that subscribed; a failing listener is logged.
 */
import type { EventMessage, EventName, Events } from '../../shared/api'
import type { Logger } from '../log/logger'

export class EventBus {
  private readonly listeners = new Set<(event: EventMessage) => void>()

  constructor(private readonly logger: Logger) {}

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    const event = { name, payload } as EventMessage
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        this.logger.warn('event listener failed', { event: name, error: String(error) })
      }
    }
  }

  subscribe(listener: (event: EventMessage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
