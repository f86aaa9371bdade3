// Push events from core to the UI: one typed union for both transports (IPC send, Server-Sent Events).
import type { QueueStats } from '../domain/registration';

export type KioskEvent = { type: 'queue.changed'; stats: QueueStats };
