// Runs the long ffmpeg encode with progress. A trust's film can take many minutes on an ordinary PC; the
// person running the swap should see it moving. ffmpeg reports with `-progress pipe:1` as key=value lines.
import { spawn } from 'node:child_process';

/** What to do when ffmpeg is missing; the swap needs ffmpeg and ffprobe only (not espeak-ng). */
export const FFMPEG_HINT = 'install ffmpeg, which includes ffprobe (Debian or Ubuntu: apt-get install ffmpeg; other systems: https://ffmpeg.org/download.html)';

/**
 * The encoded position in seconds from a chunk of progress output (the last out_time_us in it), and whether
 * ffmpeg said it has finished. out_time_us is "N/A" before the first frame is written.
 */
export function parseProgress(chunk: string): { seconds: number | undefined; done: boolean } {
  let seconds: number | undefined;
  let done = false;
  for (const line of chunk.split('\n')) {
    const [key, value] = line.trim().split('=', 2);
    if (key === 'out_time_us' && value !== undefined && /^\d+$/.test(value)) seconds = Number(value) / 1e6;
    if (key === 'progress' && value === 'end') done = true;
  }
  return { seconds, done };
}

/** Whole percent done, 0..100. */
export function percentDone(seconds: number, durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((seconds / durationSeconds) * 100)));
}

/**
 * Runs ffmpeg with the given arguments (which must include `-progress pipe:1`), calling onPercent each time
 * the whole percentage rises. Rejects with the end of ffmpeg's stderr when it fails.
 */
export function runWithProgress(args: readonly string[], durationSeconds: number, onPercent: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    let pending = '';
    let lastPercent = -1;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      // Keep a partial last line for the next chunk.
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      const { seconds, done } = parseProgress(lines.join('\n'));
      const percent = done ? 100 : seconds === undefined ? lastPercent : percentDone(seconds, durationSeconds);
      if (percent > lastPercent) {
        lastPercent = percent;
        onPercent(percent);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(`ffmpeg was not found (${FFMPEG_HINT})`) : error);
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with code ${code}:\n${Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-12).join('\n')}`));
    });
  });
}
