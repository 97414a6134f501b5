import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { setLinuxAutostart } from '../../../src/main/electron/linux-autostart'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'docsort-autostart-'))
  // The module finds the folder through the environment; point both variables into the temp
  // folder so that no test can reach the real home.
  vi.stubEnv('HOME', join(dir, 'home'))
  vi.stubEnv('XDG_CONFIG_HOME', join(dir, 'config'))
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

function entryIn(configHome: string): string {
  return join(configHome, 'autostart', 'docsort.desktop')
}

function execLine(file: string): string | undefined {
  return readFileSync(file, 'utf8')
    .split('\n')
    .find((line) => line.startsWith('Exec='))
}

describe('setLinuxAutostart', () => {
  it('writes the desktop entry when enabled and the autostart folder does not exist', () => {
    setLinuxAutostart(true, ['/opt/Docsort/docsort', '--hidden'])

    expect(readFileSync(entryIn(join(dir, 'config')), 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Docsort',
        'Exec="/opt/Docsort/docsort" "--hidden"',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    )
  })

  it('uses ~/.config when XDG_CONFIG_HOME is not set', () => {
    vi.stubEnv('XDG_CONFIG_HOME', undefined)

    setLinuxAutostart(true, ['/opt/Docsort/docsort'])

    expect(existsSync(entryIn(join(dir, 'home', '.config')))).toBe(true)
    expect(existsSync(join(dir, 'config'))).toBe(false)
  })

  it.each([
    ['empty', ''],
    ['relative', 'relative/config'],
  ])('uses ~/.config when XDG_CONFIG_HOME is %s', (_what, value) => {
    vi.stubEnv('XDG_CONFIG_HOME', value)

    setLinuxAutostart(true, ['/opt/Docsort/docsort'])

    expect(existsSync(entryIn(join(dir, 'home', '.config')))).toBe(true)
  })

  it('keeps a path with a newline on the Exec line', () => {
    setLinuxAutostart(true, ['/opt/Doc\nHidden=true/docsort'])

    const lines = readFileSync(entryIn(join(dir, 'config')), 'utf8').split('\n')
    expect(lines.filter((line) => line.startsWith('Hidden='))).toEqual([])
    expect(lines.find((line) => line.startsWith('Exec='))).toBe(
      'Exec="/opt/Doc\\nHidden=true/docsort"',
    )
  })

  it('replaces the command when enabled twice', () => {
    setLinuxAutostart(true, ['/tmp/.mount_old/docsort', '--hidden'])
    setLinuxAutostart(true, ['/home/ann/Apps/Docsort.AppImage', '--hidden'])

    expect(execLine(entryIn(join(dir, 'config')))).toBe(
      'Exec="/home/ann/Apps/Docsort.AppImage" "--hidden"',
    )
  })

  it('escapes quotes, backticks, dollars, backslashes and percents when the path has them', () => {
    // The spec's two layers: \ " ` $ get a backslash inside the quotes, then every backslash is
    // doubled as a string value, and % is doubled for Exec's field codes.
    setLinuxAutostart(true, ['/opt/My "Apps"/do$c\\sort `x` 100%', '--hidden'])

    expect(execLine(entryIn(join(dir, 'config')))).toBe(
      'Exec="/opt/My \\\\"Apps\\\\"/do\\\\$c\\\\\\\\sort \\\\`x\\\\` 100%%" "--hidden"',
    )
  })

  it('removes the desktop entry when disabled and leaves the folder', () => {
    // given an entry written earlier, beside another app's
    setLinuxAutostart(true, ['/opt/Docsort/docsort'])
    const other = join(dir, 'config', 'autostart', 'other.desktop')
    writeFileSync(other, '[Desktop Entry]\n')

    // when start at login is turned off
    setLinuxAutostart(false, ['/opt/Docsort/docsort'])

    // then only Docsort's entry is gone
    expect(existsSync(entryIn(join(dir, 'config')))).toBe(false)
    expect(existsSync(other)).toBe(true)
  })

  it('does nothing when disabled and no entry exists', () => {
    setLinuxAutostart(false, [])

    expect(existsSync(join(dir, 'config'))).toBe(false)
  })

  it('throws input/unavailable naming the file when the config folder cannot hold one', () => {
    const blocker = join(dir, 'config')
    writeFileSync(blocker, 'a file where a folder should be')

    let thrown: unknown
    try {
      setLinuxAutostart(true, ['/opt/Docsort/docsort'])
    } catch (error) {
      thrown = error
    }

    expect(thrown).toBeInstanceOf(AppError)
    expect(thrown).toMatchObject({ code: 'input/unavailable', path: entryIn(blocker) })
    expect((thrown as AppError).message).toContain(entryIn(blocker))
    expect((thrown as AppError).cause).toMatchObject({ code: 'ENOTDIR' })
  })
})
