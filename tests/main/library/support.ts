import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../../src/main/library/library'

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A library in a fresh temp folder; `dispose` closes it and removes the folder. */
export function tempLibrary(): { library: Library; dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'docsort-library-'))
  const library = Library.open(join(dir, 'library.db'))
  return {
    library,
    dir,
    dispose: () => {
      library.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
