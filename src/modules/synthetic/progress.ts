/** A one-line progress bar on stderr: percentage, rows per second and the time left. */
export type Progress = { tick(done: number, rows: number): void; finish(): void };

const formatSeconds = (s: number) => {
  if (!Number.isFinite(s)) return '--:--';
  const m = Math.floor(s / 60);
  const sec = Math.floor(s % 60);
  return m >= 60 ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m` : `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
};

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream | null = process.stderr): Progress {
  const started = Date.now();
  let last = 0;
  const draw = (done: number, rows: number, force: boolean) => {
    if (!stream) return;
    const now = Date.now();
    if (!force && now - last < (stream.isTTY ? 250 : 5_000)) return;
    last = now;
    const elapsed = Math.max(0.001, (now - started) / 1000);
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const eta = share > 0 ? (elapsed / share) * (1 - share) : Infinity;
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)} %  ${done}/${total}  ${Math.round(rows / elapsed)} rows/s  ETA ${formatSeconds(eta)}`;
    if (stream.isTTY) stream.write(`\r${line}`);
    else stream.write(`${line}\n`);
  };
  let lastDone = 0;
  let lastRows = 0;
  return {
    tick(done, rows) {
      lastDone = done;
      lastRows = rows;
      draw(done, rows, false);
    },
    finish() {
      draw(lastDone, lastRows, true);
      if (stream?.isTTY) stream.write('\n');
    },
  };
}
