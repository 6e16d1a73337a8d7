/**
 * Progress of a long CLI operation on stderr: a bar redrawn in place on a terminal (done of total,
 * rate, time left), a plain line every few seconds otherwise, and a summary line at the end.
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDrawn = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private total: number | undefined,
    private readonly unit = 'events',
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  /** Counts `n` more done. */
  tick(n = 1): void {
    this.update(this.done + n);
  }

  /** Sets how much is done (and, when it became known, the total). */
  update(done: number, total = this.total): void {
    this.done = done;
    this.total = total;
    const now = Date.now();
    if (now - this.lastDrawn < (this.tty ? 100 : 5000)) return;
    this.lastDrawn = now;
    this.draw();
  }

  /** Ends the progress display with a summary line. */
  finish(summary: string): void {
    if (this.tty) this.out.write('\r\x1b[2K');
    const seconds = (Date.now() - this.started) / 1000;
    this.out.write(`${this.label}: ${summary} (${formatDuration(seconds)})\n`);
  }

  private draw(): void {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const total = this.total;
    const count =
      total !== undefined
        ? `${this.done.toLocaleString('en')}/${total.toLocaleString('en')} ${this.unit}`
        : `${this.done.toLocaleString('en')} ${this.unit}`;
    const eta =
      total !== undefined && rate > 0 && total > this.done
        ? ` ETA ${formatDuration((total - this.done) / rate)}`
        : '';
    const speed = ` ${Math.round(rate).toLocaleString('en')}/s`;
    if (this.tty) {
      const fraction = total ? Math.min(this.done / total, 1) : 0;
      const width = 24;
      const filled = Math.round(fraction * width);
      const bar = total ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
      this.out.write(`\r\x1b[2K${this.label} ${bar}${count}${speed}${eta}`);
    } else {
      this.out.write(`${this.label}: ${count}${speed}${eta}\n`);
    }
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
