// The server without a zip (the chooser over a packages folder), the background package check, and ports.
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorSnapshot } from '../../../tools/preview/protocol.ts';
import { startPreviewServer, type PreviewServer } from '../../../tools/preview/server.ts';
import { CMI5_FILES, SCORM12_FILES, workspace, zipOf, type Workspace } from './fixtures.ts';

let space: Workspace;
let packages: string;
let server: PreviewServer;

beforeAll(async () => {
  space = await workspace();
  packages = join(space.folder, 'dist', 'packages');
  await mkdir(join(packages, 'default'), { recursive: true });
  await mkdir(join(packages, 'example-trust'), { recursive: true });
  await writeFile(join(packages, 'default', 'common-ground-scorm12.zip'), await zipOf(SCORM12_FILES));
  await writeFile(join(packages, 'default', 'common-ground-cmi5.zip'), await zipOf(CMI5_FILES));
  await writeFile(join(packages, 'example-trust', 'common-ground-scorm12.zip'), await zipOf(SCORM12_FILES));
  await writeFile(join(packages, 'example-trust', 'broken.zip'), 'not a zip');
  await writeFile(join(packages, 'example-trust', 'notes.txt'), 'not offered');
  server = await startPreviewServer({ packagesDir: packages, port: 0, tempRoot: space.folder, checkPackages: true });
});
afterAll(async () => {
  await server.close();
  await space.remove();
});

describe('the chooser', () => {
  it('lists the zips under the packages folder by variant', async () => {
    expect(server.packageUrl).toBeNull();
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>Choose a package</h1>');
    expect(html).toContain('<h2 id="variant-1">Variant: default</h2>');
    expect(html).toContain('<h2 id="variant-2">Variant: example-trust</h2>');
    expect([...html.matchAll(/href="(\/open\?zip=[^"]+)"/g)].map((match) => decodeURIComponent(match[1]!))).toEqual([
      '/open?zip=default/common-ground-cmi5.zip',
      '/open?zip=default/common-ground-scorm12.zip',
      '/open?zip=example-trust/broken.zip',
      '/open?zip=example-trust/common-ground-scorm12.zip',
    ]);
  });

  it('opens a listed package once, gives same-named zips their own ids, and links back', async () => {
    const first = await fetch(`${server.url}open?zip=${encodeURIComponent('default/common-ground-scorm12.zip')}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/p/common-ground-scorm12/');
    const again = await fetch(`${server.url}open?zip=${encodeURIComponent('default/common-ground-scorm12.zip')}`, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe('/p/common-ground-scorm12/');
    const other = await fetch(`${server.url}open?zip=${encodeURIComponent('example-trust/common-ground-scorm12.zip')}`, { redirect: 'manual' });
    expect(other.headers.get('location')).toBe('/p/common-ground-scorm12-2/');
    expect(await (await fetch(`${server.url}p/common-ground-scorm12/`)).text()).toContain('<a href="/">Choose another package</a>');
  });

  it('opens only listed paths, and shows a refused package on the chooser', async () => {
    for (const zip of ['../../../etc/passwd', 'example-trust/notes.txt', '/etc/passwd']) {
      expect((await fetch(`${server.url}open?zip=${encodeURIComponent(zip)}`)).status).toBe(404);
    }
    const broken = await fetch(`${server.url}open?zip=${encodeURIComponent('example-trust/broken.zip')}`);
    expect(broken.status).toBe(422);
    expect(await broken.text()).toMatch(/<div class="error-summary" role="alert"><h2>The package could not be opened<\/h2><p>broken\.zip is refused: /);
  });
});

describe('the package check', () => {
  it('validates an opened package in the background and reports what it finds as warnings', async () => {
    await fetch(`${server.url}open?zip=${encodeURIComponent('default/common-ground-cmi5.zip')}`, { redirect: 'manual' });
    const snapshot = async () => (await (await fetch(`${server.url}p/common-ground-scorm12/lms/snapshot`)).json()) as InspectorSnapshot;
    // The SCORM fixture leaves its scripts and media out of the manifest's <file> list: the validator says so.
    await expect.poll(async () => (await snapshot()).counts.warnings, { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
  });
});

describe('ports', () => {
  it('refuses a port that is taken when it was asked for explicitly', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startPreviewServer({ packagesDir: packages, port })).rejects.toThrow(`port ${port} is in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const other = await fetch(`http://[::1]:${server.port}/`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(other).toBe('refused');
  });
});
