/**
 * Whether a folder lives on a network file system, where change notifications do not arrive
 * (inotify sees only this machine's writes), so that it is watched by polling instead. Linux reads
 * the file system's magic number; Windows treats UNC paths as network; elsewhere, false.
 */
import { statfs } from 'node:fs/promises'

// f_type values from linux/magic.h and the file systems' own headers.
const NETWORK_MAGIC = new Map<number, string>([
  [0x6969, 'nfs'],
  [0x517b, 'smb'],
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x65735546, 'fuse (sshfs, rclone and the like)'],
  [0x01021997, '9p'],
  [0x5346414f, 'afs'],
  [0x564c, 'ncp'],
  [0x73757245, 'coda'],
  [0x0bd00bd0, 'lustre'],
  [0x47504653, 'gpfs'],
  [0x00c36400, 'ceph'],
])

export type FsTypeReader = (path: string) => Promise<number>

const readFsType: FsTypeReader = async (path) => (await statfs(path)).type

/** The network file system's name, or null for a local folder or one that cannot be examined. */
export async function networkFileSystem(
  path: string,
  platform: NodeJS.Platform = process.platform,
  fsType: FsTypeReader = readFsType,
): Promise<string | null> {
  if (platform === 'win32') return /^\\\\[^\\?.]/.test(path) ? 'smb' : null
  if (platform !== 'linux') return null
  const type = await fsType(path).catch(() => null)
  return type === null ? null : (NETWORK_MAGIC.get(type) ?? null)
}
