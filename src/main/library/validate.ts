/** Checks at the library's edge: values that would otherwise become silently wrong rows. */
import { isAbsolute } from 'node:path'
import { AppError } from '../../shared/errors'

const SHA256_HEX = /^[0-9a-f]{64}$/

export function assertHash(hash: string): void {
  if (!SHA256_HEX.test(hash)) {
    throw new AppError('input/invalid', `Expected a lowercase hex SHA-256, got "${hash}"`)
  }
}

export function assertName(what: string, value: string): void {
  if (value.trim() === '' || value !== value.trim()) {
    throw new AppError(
      'input/invalid',
      `Expected a ${what} without surrounding spaces, got "${value}"`,
    )
  }
}

export function assertAbsolutePath(what: string, value: string): void {
  if (!isAbsolute(value)) {
    throw new AppError('input/invalid', `Expected an absolute ${what}, got "${value}"`)
  }
}

export function assertOneOf<T extends string>(
  what: string,
  value: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError(
      'input/invalid',
      `Expected ${what} to be one of ${allowed.join(', ')}, got "${value}"`,
    )
  }
  return value as T
}

export function isForeignKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}
