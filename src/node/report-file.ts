import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { effectiveSeverity, type ConversionMessage, type ReportSink, type ReportSummary } from '../core/report/report.js';
import { uniqueSuffix } from './unique-suffix.js';

/** Bytes gathered before one write: few system calls, and memory that does not grow with the report. */
const CHUNK = 256 * 1024;

/**
 * The `--report` file, written while the run goes: each message is appended as it is added, so a
 * report of a million messages costs a file, not memory. The JSON has the in-memory form's shape
 * (`version`, `strict`, `messages`, then `summary`, which is known only at the end); it is written
 * under a temporary name and renamed when the run finishes, so a half report is never left under
 * the final name.
 */
export class ReportFile implements ReportSink {
  private readonly temp: string;
  private fd: number | null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private first = true;

  constructor(
    readonly file: string,
    private readonly strict: boolean,
  ) {
    this.temp = path.join(path.dirname(file), `.tmp-${path.basename(file)}-${uniqueSuffix()}`);
    this.fd = openSync(this.temp, 'wx');
    this.push(`{\n  "version": 1,\n  "strict": ${strict},\n  "messages": [`);
  }

  write(message: ConversionMessage): void {
    const shown = this.strict && message.severity === 'warning' ? Object.assign({}, message, { severity: effectiveSeverity(message, true) }) : message;
    this.push(`${this.first ? '' : ','}\n    ${JSON.stringify(shown)}`);
    this.first = false;
  }

  /** Ends the JSON with the run's summary and moves the file to its name. */
  finish(summary: ReportSummary): void {
    this.push(`${this.first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
    this.flush();
    closeSync(this.fd!);
    this.fd = null;
    renameSync(this.temp, this.file);
  }

  /** Removes the temporary file (a run that failed or was interrupted leaves no half report). */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.temp, { force: true });
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
    this.pending = [];
    this.pendingBytes = 0;
  }
}
