/**
 * The real-document corpus: learn every category minus a 30-file inbox (3 PDF/DOCX files a
 * category, seeded) plus every hostile file, then `sort --apply`, and count the files moved to
 * the right folder, moved wrongly, left as unsure and left as unreadable.
 */
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { seededRandom, shuffleInPlace } from '../../src/main/train/random'
import { round, run, SHARED, type SuiteOptions } from './common'

interface SortJson {
  files: {
    path: string
    category: string | null
    confidence: number | null
    movedTo: string | null
    error?: { code: string }
  }[]
}

export async function runSuite({ json, epochs }: SuiteOptions): Promise<void> {
  const docs = join(SHARED, 'corpus/docs')
  const hostile = join(SHARED, 'corpus/bad_inputs')
  if (!existsSync(docs)) throw new Error(`${docs} is missing: the benchmark needs ../shared`)
  const work = await mkdtemp(join(tmpdir(), 'docsort-corpus-'))
  try {
    const library = join(work, 'library')
    const inbox = join(work, 'inbox')
    await mkdir(inbox, { recursive: true })
    const expected = new Map<string, string>()
    const random = seededRandom(7)
    for (const category of (await readdir(docs)).sort()) {
      const files = (await readdir(join(docs, category))).sort()
      await mkdir(join(library, category), { recursive: true })
      const candidates = shuffleInPlace(
        files.filter((f) => /\.(pdf|docx)$/i.test(f)),
        random,
      )
      const held = new Set(candidates.slice(0, 3))
      for (const file of files) {
        const target = held.has(file) ? join(inbox, file) : join(library, category, file)
        await copyFile(join(docs, category, file), target)
        if (held.has(file)) expected.set(target, category)
      }
    }
    for (const file of await readdir(hostile))
      await copyFile(join(hostile, file), join(inbox, `hostile-${file}`))

    const cli = (...args: string[]) =>
      run('node', ['bin/docsort.js', '--data-dir', join(work, 'data'), ...args], {
        maxBuffer: 64 * 1024 * 1024,
      })
    await cli('learn', library)
    await cli('train', ...(epochs === undefined ? [] : ['--epochs', String(epochs)]))
    const { stdout } = await cli('sort', inbox, '--apply', '--json')
    const result = JSON.parse(stdout) as SortJson

    const tally = {
      inbox: expected.size,
      movedRight: 0,
      movedWrong: 0,
      unsure: 0,
      unreadable: 0,
      hostile: 0,
      hostileKeptWithReason: 0,
      hostileMoved: 0,
    }
    const wrong: string[] = []
    for (const file of result.files) {
      const truth = expected.get(file.path)
      if (truth === undefined) {
        tally.hostile += 1
        if (file.movedTo) {
          tally.hostileMoved += 1
          wrong.push(`${basename(file.path)} (hostile input, readable) → ${file.category ?? '?'}`)
        } else if (file.error) tally.hostileKeptWithReason += 1
        continue
      }
      if (file.error) tally.unreadable += 1
      else if (!file.movedTo) tally.unsure += 1
      else if (file.category === truth) tally.movedRight += 1
      else {
        tally.movedWrong += 1
        wrong.push(`${basename(file.path)}: ${truth} → ${file.category ?? '?'} (wrong)`)
      }
    }
    if (json) {
      console.log(
        JSON.stringify(
          { corpus: { ...tally, movedRightRatio: tally.movedRight / tally.inbox } },
          null,
          2,
        ),
      )
      return
    }
    console.table([{ ...tally, movedRightRatio: round(tally.movedRight / tally.inbox, 3) }])
    for (const line of wrong) console.log(`  moved: ${line}`)
    for (const file of result.files) {
      if (expected.has(file.path) && !file.movedTo) {
        console.log(
          `  stayed: ${basename(file.path)} (${expected.get(file.path)}) ${file.error ? file.error.code : `unsure ${round(file.confidence ?? 0, 2)} ${file.category ?? ''}`}`,
        )
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
