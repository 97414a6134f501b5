/**
 * The process the crash harness kills: it opens the library and runs the remaining moves of a
 * job list, telling the parent as each move starts. Run with `node --import tsx`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { Library } from '../../../src/main/library/library'
import { Mover } from '../../../src/main/sort/mover'
import { SqliteMoveJournal } from '../../../src/main/sort/sqlite-move-journal'
import type { CrashJob } from './crash-harness'

const [dbPath, jobsPath] = process.argv.slice(2)
if (dbPath === undefined || jobsPath === undefined)
  throw new Error('usage: crash-child <db> <jobs>')

const jobs = JSON.parse(readFileSync(jobsPath, 'utf8')) as CrashJob[]
const library = Library.open(dbPath)
const journal = new SqliteMoveJournal(library.db)
const linking = new Mover(journal)
const copying = new Mover(journal, undefined, { forceCopy: true })

let started = 0
for (const job of jobs) {
  // A job whose source is gone was done in an earlier life of this process.
  if (!existsSync(job.source)) continue
  started += 1
  process.send?.({ moving: started })
  await (job.copy ? copying : linking).move(job.source, job.destination)
}
library.close()
process.send?.('done')
