// The real player build served on 127.0.0.1 and Debian's Chromium, for the player's browser tests: registers the
// file's beforeAll/afterAll (nothing when Chromium is missing; those tests skip themselves) and hands back what the
// tests use. `serve` decides what each path holds, given the player's built files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildPlayer, type PlayerBuild } from '../../../build/player-build.ts';
import { hasChromium, launchChromium } from '../../support/chromium.ts';
import { serveFiles, type FileLookup, type StaticServer } from '../../support/static-server.ts';

export interface PlayerInChromium {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** The server's "http://127.0.0.1:<port>". */
  readonly origin: string;
}

export function playerInChromium(serve: (player: PlayerBuild) => FileLookup | Promise<FileLookup>): PlayerInChromium {
  let work = '';
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (!hasChromium) return;
    work = await mkdtemp(join(tmpdir(), 'cg-player-'));
    const player = await buildPlayer(join(work, 'player'));
    server = await serveFiles(await serve(player));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });
  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not started (is Chromium installed?)`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'Chromium');
    },
    get server() {
      return started(server, 'the file server');
    },
    get origin() {
      return started(server, 'the file server').origin;
    },
  };
}
