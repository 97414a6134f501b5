import { describe, expect, it } from 'vitest'
import { networkFileSystem } from '../../../src/main/watch/network-fs'

const typeOf = (type: number) => () => Promise.resolve(type)

describe('networkFileSystem', () => {
  it.each([
    [0x6969, 'nfs'],
    [0xff534d42, 'cifs'],
    [0xfe534d42, 'smb2'],
    [0x65735546, 'fuse (sshfs, rclone and the like)'],
  ])('names the network file system of magic %s on Linux', async (magic, name) => {
    expect(await networkFileSystem('/mnt/share', 'linux', typeOf(magic))).toBe(name)
  })

  it('answers null for a local ext4 or tmpfs folder', async () => {
    expect(await networkFileSystem('/home/ann', 'linux', typeOf(0xef53))).toBeNull()
    expect(await networkFileSystem('/tmp', 'linux', typeOf(0x01021994))).toBeNull()
  })

  it('answers null when the folder cannot be examined', async () => {
    const failing = () => Promise.reject(new Error('EACCES'))
    expect(await networkFileSystem('/mnt/gone', 'linux', failing)).toBeNull()
  })

  it('reads the real file system of a local folder as local', async () => {
    expect(await networkFileSystem(process.cwd())).toBeNull()
  })

  it('treats a Windows UNC path as network and a drive or long-path prefix as local', async () => {
    expect(await networkFileSystem('\\\\nas\\scans', 'win32')).toBe('smb')
    expect(await networkFileSystem('C:\\Users\\ann\\Downloads', 'win32')).toBeNull()
    expect(await networkFileSystem('\\\\?\\C:\\Users\\ann', 'win32')).toBeNull()
  })
})
