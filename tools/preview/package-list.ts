// The zips the chooser offers: dist/packages/<variant>/*.zip (and any zip directly in the folder). The chooser only
// opens paths from this list, so a request cannot make the server read any other file.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface PackageListing {
  /** Folder name under the packages folder ('' for a zip directly in it). */
  variant: string;
  fileName: string;
  /** Path relative to the packages folder, with "/": the chooser's key. */
  relativePath: string;
  absolutePath: string;
}

export async function listPackages(folder: string): Promise<PackageListing[]> {
  const listings: PackageListing[] = [];
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.zip')) {
      listings.push({ variant: '', fileName: entry.name, relativePath: entry.name, absolutePath: join(folder, entry.name) });
    } else if (entry.isDirectory()) {
      const inner = await readdir(join(folder, entry.name), { withFileTypes: true }).catch(() => []);
      for (const file of inner) {
        if (!file.isFile() || !file.name.toLowerCase().endsWith('.zip')) continue;
        listings.push({ variant: entry.name, fileName: file.name, relativePath: `${entry.name}/${file.name}`, absolutePath: join(folder, entry.name, file.name) });
      }
    }
  }
  return listings.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}
