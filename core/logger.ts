import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', name = 'gaung'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
