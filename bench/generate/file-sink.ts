import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Appends text to a file in 1 MB chunks: the generators write inputs of hundreds of MB without
 * ever holding them whole (a 1,000,000-row JSON does not fit in one V8 string comfortably).
 */
export class FileSink {
  private readonly fd: number;
  private parts: string[] = [];
  private pending = 0;
  bytes = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.parts.length) return;
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    writeSync(this.fd, buffer);
    this.bytes += buffer.length;
    this.parts = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
