/**
 * The one logger. Modules call `createLogger('scope')`; where records go is decided once by the
 * process entry point through `configureLogging`. Records never carry document text.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export type LogFields = Record<string, unknown>

export interface LogRecord {
  time: string
  level: LogLevel
  scope: string
  msg: string
  fields: LogFields
}

export interface LogSink {
  level: LogLevel
  write(record: LogRecord): void
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

let sinks: LogSink[] = []

export function configureLogging(next: LogSink[]): void {
  sinks = next
}

export function isLevelEnabled(sinkLevel: LogLevel, level: LogLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[sinkLevel]
}

export function createLogger(scope: string, bound: LogFields = {}): Logger {
  const emit = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (sinks.length === 0) return
    const record: LogRecord = {
      time: new Date().toISOString(),
      level,
      scope,
      msg,
      fields: { ...bound, ...fields },
    }
    for (const sink of sinks) {
      if (isLevelEnabled(sink.level, level)) sink.write(record)
    }
  }
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(scope, { ...bound, ...fields }),
  }
}

/** Turns an unknown thrown value into loggable fields without losing its code or cause. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) }
  const code = (error as { code?: unknown }).code
  return code === undefined
    ? { error: error.message, errorName: error.name }
    : { error: error.message, errorName: error.name, code }
}
