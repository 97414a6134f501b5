/**
 * The process the crash harness kills: it opens the library and runs the remaining moves of a
 * job list, telling the parent as each move starts. Given a positive third argument n, it kills
 * itself right after its n-th durable journal write, so that a pending row is certain to be left.
 * Run with `node --import tsx`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { Library } from '../../../src/main/library/library'
import { Mover } from '../../../src/main/sort/mover'
import { SqliteMoveJournal } from '../../../src/main/sort/sqlite-move-journal'
import type { MoveJournal } from '../../../src/main/sort/move-journal'
import type { CrashJob } from './crash-harness'

const [dbPath, jobsPath, dieAtWrite = '0'] = process.argv.slice(2)
if (dbPath === undefined || jobsPath === undefined)
  throw new Error('usage: crash-child <db> <jobs> [die-at-journal-write]')

const jobs = JSON.parse(readFileSync(jobsPath, 'utf8')) as CrashJob[]
const library = Library.open(dbPath)
const journal = dieAfterWrite(new SqliteMoveJournal(library.db), Number(dieAtWrite))
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

function dieAfterWrite(journal: MoveJournal, n: number): MoveJournal {
  if (n <= 0) return journal
  let writes = 0
  const counted =
    <A extends unknown[], R>(write: (...args: A) => R) =>
    (...args: A): R => {
      const result = write(...args)
      writes += 1
      if (writes === n) process.kill(process.pid, 'SIGKILL')
      return result
    }
  return Object.assign(Object.create(journal) as MoveJournal, {
    begin: counted(journal.begin.bind(journal)),
    retarget: counted(journal.retarget.bind(journal)),
    setMethod: counted(journal.setMethod.bind(journal)),
  })
}
