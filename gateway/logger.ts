import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout; every request logs through a child carrying its requestId. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'gateway' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
