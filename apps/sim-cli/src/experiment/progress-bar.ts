/**
 * Progress bar with ETA on stderr. On a terminal it redraws one line (at most 10 times a
 * second); otherwise (CI logs, pipes) it prints a plain line at every 10% so logs stay short.
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = performance.now();
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastDecile = -1;
  const line = (done: number): string => {
    const elapsed = (performance.now() - start) / 1000;
    const frac = total === 0 ? 1 : done / total;
    const width = 24;
    const filled = Math.round(frac * width);
    const eta = done === 0 ? Number.NaN : (elapsed / done) * (total - done);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} runs ${Math.floor(frac * 100)}% elapsed ${formatDuration(elapsed)} ETA ${formatDuration(eta)}`;
  };
  return {
    update(done: number): void {
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done)}\x1b[K`);
      } else {
        const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        stream.write(`${line(done)}\n`);
      }
    },
    finish(): void {
      if (tty) stream.write('\n');
    },
  };
}
