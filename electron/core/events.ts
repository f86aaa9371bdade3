// Push events to connected UIs. Transports subscribe and forward; a failing listener never
// breaks the operation that caused the event.
import type { KioskEvent } from '../../shared/api/events';

export type EventListener = (event: KioskEvent) => void;

export function createEventHub() {
  const listeners = new Set<EventListener>();
  return {
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: KioskEvent): void {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          listeners.delete(listener);
        }
      }
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
