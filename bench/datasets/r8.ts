/** R8 from the stored `label<TAB>text` files, one document a line, ids numbered per split. */
import { readFile } from 'node:fs/promises'
import { AppError } from '../../src/shared/errors'
import type { LabelledDocument } from './labelled-tree'

export async function readTsv(path: string): Promise<LabelledDocument[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '')
  return lines.map((line, index) => {
    const tab = line.indexOf('\t')
    if (tab <= 0) {
      throw new AppError('input/invalid', `${path} line ${index + 1} has no label<TAB>text`, {
        path,
      })
    }
    const id = String(index + 1).padStart(5, '0')
    return { id, label: line.slice(0, tab), text: line.slice(tab + 1) }
  })
}
