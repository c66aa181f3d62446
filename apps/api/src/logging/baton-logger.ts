import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import type { BatonConfig } from '../config';
import { currentLogContext } from './log-context';

/** Nest's levels each BATON_LOG_LEVEL lets through. */
export function nestLevels(level: BatonConfig['logLevel']): LogLevel[] {
  switch (level) {
    case 'error':
      return ['fatal', 'error'];
    case 'warn':
      return ['fatal', 'error', 'warn'];
    case 'info':
      return ['fatal', 'error', 'warn', 'log'];
    case 'debug':
      return ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  }
}

// Log shippers know `info` and `debug`; Nest's `log` and `verbose` are those.
const JSON_LEVEL: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'debug',
};

/** Splits Nest's trailing context argument from the rest, as Nest's own console logger does. */
function split(params: unknown[]): { context?: string; rest: unknown[] } {
  const last = params.at(-1);
  return typeof last === 'string' ? { context: last, rest: params.slice(0, -1) } : { rest: params };
}

/**
 * Baton's one logger: Nest's readable console lines for `text`, or one JSON object per line for
 * `json`, carrying the request id or run id of the work that wrote it.
 */
export class BatonLogger implements LoggerService {
  private readonly levels: Set<LogLevel>;
  private readonly console?: ConsoleLogger;

  constructor(
    private readonly format: BatonConfig['logFormat'],
    level: BatonConfig['logLevel'],
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {
    this.levels = new Set(nestLevels(level));
    if (format === 'text') this.console = new ConsoleLogger({ logLevels: nestLevels(level) });
  }

  isEnabled(level: LogLevel): boolean {
    return this.levels.has(level);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('log', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params);
  }

  /** A JSON record with fields of its own (a request's method and status, a metric's figures). */
  record(level: LogLevel, context: string, message: string, fields: Record<string, unknown>): void {
    if (!this.isEnabled(level)) return;
    if (this.console) {
      const details = Object.entries(fields)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      this.console[level](details ? `${message} ${details}` : message, context);
      return;
    }
    this.line(level, context, message, fields);
  }

  private emit(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.isEnabled(level)) return;
    if (this.console) {
      this.console[level](message, ...params);
      return;
    }
    const { context, rest } = split(params);
    const fields: Record<string, unknown> = {};
    let text: string;
    if (message instanceof Error) {
      text = message.message;
      fields.stack = message.stack;
    } else if (typeof message === 'string') {
      text = message;
    } else {
      text = JSON.stringify(message);
    }
    // Nest passes an error's stack as the argument before the context.
    const [first] = rest;
    if (level === 'error' && typeof first === 'string' && first.includes('\n    at ')) fields.stack = first;
    this.line(level, context, text, fields);
  }

  private line(level: LogLevel, context: string | undefined, message: string, fields: object): void {
    const record = {
      time: new Date().toISOString(),
      level: JSON_LEVEL[level],
      ...(context ? { context } : {}),
      message,
      ...currentLogContext(),
      ...fields,
    };
    this.write(`${JSON.stringify(record)}\n`);
  }
}
