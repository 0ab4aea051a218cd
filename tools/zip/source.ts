// Where a zip archive is: bytes in memory, or a file that yauzl reads by random access, so validating a package with
// a 500 MB film reads the central directory and the descriptor only, never the film.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

export interface BufferZipSource {
  readonly bytes: Uint8Array;
}

export interface FileZipSource {
  readonly path: string;
  /** openZipSafely leaves the archive open for reading entries; close() closes it. */
  keepOpen(archive: { close(): void }): void;
  close(): Promise<void>;
}

export type ZipSource = BufferZipSource | FileZipSource;

export function bufferSource(bytes: Uint8Array): BufferZipSource {
  return { bytes };
}

/** A source over a file on disk. Rejects (ENOENT, EACCES, ENOTFILE…) when the file cannot be read as a file. */
export async function fileSource(path: string): Promise<FileZipSource> {
  if (!(await stat(path)).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTFILE' });
  await access(path, constants.R_OK);
  const open: { close(): void }[] = [];
  return {
    path,
    keepOpen: (archive) => void open.push(archive),
    close: async () => {
      for (const archive of open.splice(0)) archive.close();
    },
  };
}
