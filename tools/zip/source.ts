// Random access to the bytes of a zip archive. Reading through a file handle means validating a package with a
// 500 MB film reads the central directory and the descriptor only, never the film.
import { open, type FileHandle } from 'node:fs/promises';

export interface ZipSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Exactly `length` bytes from `offset`; rejects if the source is shorter. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bufferSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => {
      if (offset < 0 || length < 0 || offset + length > bytes.byteLength) throw new RangeError('read past the end of the archive');
      return bytes.subarray(offset, offset + length);
    },
  };
}

export interface FileZipSource extends ZipSource {
  close(): Promise<void>;
}

/** A source over a file on disk. Rejects (ENOENT, EACCES, EISDIR…) when the file cannot be opened for reading. */
export async function fileSource(path: string): Promise<FileZipSource> {
  const handle: FileHandle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTFILE' });
    return {
      size: stats.size,
      read: async (offset, length) => {
        if (offset < 0 || length < 0 || offset + length > stats.size) throw new RangeError('read past the end of the archive');
        const buffer = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
          if (bytesRead === 0) throw new RangeError('the file ended early');
          done += bytesRead;
        }
        return buffer;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
