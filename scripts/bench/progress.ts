/** A one-line progress display on a terminal (plain lines when output is not a terminal). */
export class Progress {
  private readonly tty = Boolean(process.stdout.isTTY);
  private readonly started = Date.now();
  private lastLabel = "";
  private lastPrinted = 0;

  private elapsed(): string {
    return `${((Date.now() - this.started) / 1000).toFixed(0)} s`;
  }

  step(label: string): void {
    this.finishLine();
    console.log(`[${this.elapsed()}] ${label}`);
  }

  bar(label: string, done: number, total: number): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `[${this.elapsed()}] ${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${(fraction * 100).toFixed(0)}% ${done.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")}`;
    if (this.tty) {
      process.stdout.write(`\r${line.padEnd(110)}`);
    } else if (label !== this.lastLabel || Date.now() - this.lastPrinted > 5000 || done === total) {
      console.log(line);
      this.lastPrinted = Date.now();
    }
    this.lastLabel = label;
  }

  private finishLine(): void {
    if (this.tty && this.lastLabel) process.stdout.write("\n");
    this.lastLabel = "";
  }

  done(): void {
    this.finishLine();
  }
}
