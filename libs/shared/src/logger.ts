import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  name: string;
  level: string;
  /** Pretty, human-readable lines for development; JSON lines otherwise. */
  pretty: boolean;
}

/** A pino logger; secrets are redacted wherever they appear in logged objects. */
export function createLogger({ name, level, pretty }: LoggerOptions): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie', 'key', '*.key'],
      censor: '[redacted]',
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
}
