// What the course leaves in the browser: a shared PC must keep nothing of the learner's once the LMS has it all. Reads
// localStorage of every origin the browser context holds, sessionStorage and the IndexedDB mirror of the local copies
// (course/runtime/shared/durable-store.ts) of every frame still open, keeping the course's own entries
// ("common-ground:…").
import type { Page } from 'playwright-core';

const OURS = 'common-ground:';

export async function leftInBrowser(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const origin of (await page.context().storageState()).origins) {
    for (const entry of origin.localStorage) if (entry.name.startsWith(OURS)) found.push(`localStorage ${origin.origin} ${entry.name}`);
  }
  for (const frame of page.frames()) {
    const keys = await frame
      .evaluate(async (prefix) => {
        const session = Object.keys(sessionStorage).filter((key) => key.startsWith(prefix)).map((key) => `sessionStorage ${key}`);
        const databases = (await indexedDB.databases()).map((db) => db.name);
        if (!databases.includes('common-ground')) return session;
        const kept = await new Promise<string[]>((resolve) => {
          const open = indexedDB.open('common-ground');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('kept')) return resolve([]);
            const keys = db.transaction('kept', 'readonly').objectStore('kept').getAllKeys();
            keys.onsuccess = () => {
              resolve(keys.result.map(String).filter((key) => key.startsWith(prefix)));
              db.close();
            };
            keys.onerror = () => resolve([]);
          };
          open.onerror = () => resolve([]);
        });
        return [...session, ...kept.map((key) => `IndexedDB ${key}`)];
      }, OURS)
      .catch(() => [] as string[]);
    for (const key of keys) found.push(`${key.split(' ')[0]} ${new URL(frame.url()).origin} ${key.slice(key.indexOf(' ') + 1)}`);
  }
  return [...new Set(found)];
}
