/**
 * Runs one move and prints its outcome as JSON. The permission tests start it as an unprivileged
 * user, because root ignores permission bits. Run with `node --import tsx`.
 */
import { AppError } from '../../../src/shared/errors'
import { Mover } from '../../../src/main/sort/mover'
import { MemoryMoveJournal } from './memory-journal'

const [source, destination] = process.argv.slice(2)
if (source === undefined || destination === undefined) throw new Error('usage: <source> <dir>')

const journal = new MemoryMoveJournal()
try {
  const result = await new Mover(journal).move(source, destination)
  process.stdout.write(JSON.stringify({ result, rows: [...journal.rows.values()] }))
} catch (error) {
  if (!(error instanceof AppError)) throw error
  process.stdout.write(JSON.stringify({ error: error.toJSON(), rows: [...journal.rows.values()] }))
}
