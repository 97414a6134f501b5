/**
 * Whether another process holds a file open for writing, read from /proc on Linux. A program
 * that writes under the final name (curl -o, a scanner's driver) and pauses longer than the
 * watcher's stability window looks finished; moving its file then, across devices, would leave
 * the rest of its bytes in an unlinked inode. Elsewhere the answer is always false: Windows
 * refuses to move a file open for writing (EBUSY), which the retry queue handles, and macOS has
 * no cheap equivalent.
 */
import { readdir, readFile, readlink, realpath } from 'node:fs/promises'

// open(2) access modes in the octal `flags:` line of /proc/<pid>/fdinfo/<fd>.
const O_ACCMODE = 0o3
const O_WRONLY = 0o1
const O_RDWR = 0o2

export async function isOpenForWriting(path: string, proc = '/proc'): Promise<boolean> {
  if (process.platform !== 'linux') return false
  const target = await realpath(path).catch(() => null)
  if (target === null) return false
  const pids = await readdir(proc).catch(() => [] as string[])
  for (const pid of pids) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue
    const fds = await readdir(`${proc}/${pid}/fd`).catch(() => [] as string[])
    for (const fd of fds) {
      const link = await readlink(`${proc}/${pid}/fd/${fd}`).catch(() => null)
      if (link !== target) continue
      const info = await readFile(`${proc}/${pid}/fdinfo/${fd}`, 'utf8').catch(() => '')
      const flags = /^flags:\s+([0-7]+)/m.exec(info)?.[1]
      if (flags === undefined) continue
      const mode = parseInt(flags, 8) & O_ACCMODE
      if (mode === O_WRONLY || mode === O_RDWR) return true
    }
  }
  return false
}
