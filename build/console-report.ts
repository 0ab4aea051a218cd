// What the build prints: a progress bar while packages are written (plain lines when not on a terminal) and a
// summary table at the end.
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { relative } from 'node:path';
import type { BuildResult, ProgressEvent } from './build-packages.ts';

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (event: ProgressEvent) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  const say = (line: string): void => {
    stream.write(`${line}\n`);
  };
  return {
    onProgress(event) {
      switch (event.kind) {
        case 'checked':
          say(`Course checked, and variant${event.variants.length === 1 ? '' : 's'} ${event.variants.join(', ')}: ${event.packages} package(s) to build.`);
          break;
        case 'player-built':
          say(`Player built in ${event.seconds.toFixed(1)} s.`);
          break;
        case 'validated':
          say(`Manifests validated in ${event.seconds.toFixed(1)} s.`);
          break;
        case 'package-written':
          if (stream.isTTY) {
            bar ??= new cliProgress.SingleBar({ stream, format: 'Packaging [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic);
            if (!bar.isActive) bar.start(event.total, 0, { file: '' });
            bar.update(event.done, { file: relative(process.cwd(), event.path) });
            if (event.done === event.total) bar.stop();
          } else {
            say(`[${event.done}/${event.total}] ${relative(process.cwd(), event.path)}`);
          }
          break;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

export function summaryTable(result: BuildResult): string {
  const table = new Table({ head: ['package', 'size', 'validation'], style: { head: [], border: [] } });
  for (const pkg of result.packages) {
    const verdict = pkg.report.valid ? `valid (${pkg.report.edition})` : `INVALID: ${pkg.report.problems.length} problem(s)`;
    table.push([`${pkg.variant}/${pkg.standard}`, pkg.path ? formatBytes(pkg.bytes) : '—', verdict]);
  }
  return table.toString();
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
