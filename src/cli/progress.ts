/**
 * Progress of long work on a terminal, through cli-progress: a bar with done/total, MB read, the
 * rate and the time left, redrawn in place on stderr (at most 10 times a second). Nothing at all
 * when stderr is not a terminal (logs and pipes stay clean) or with --quiet; the command's summary
 * line is printed either way.
 */
import cliProgress from 'cli-progress';
import type { CommandIo } from './command.js';

/** What the bar counts: documents (with the MB of input behind them), or the bytes of a download. */
export type ProgressUnit = 'documents' | 'bytes';

interface Payload {
  /** Input read so far, "12.3 MB". */
  read: string;
  rate: string;
}

/** Decimal MB with one decimal, as npm and most tools print sizes. */
const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** One bar. `update` starts it on first use; `stop` draws the last state and ends the line. */
export class WorkProgress {
  private bar: cliProgress.SingleBar | undefined;
  /** The rate counts from when the work began (opening the input included), not the first update. */
  private readonly started = Date.now();
  private bytes = 0;

  /** Disabled (every call a no-op) off a terminal or with --quiet. */
  constructor(
    private readonly stream: CommandIo['stderr'],
    private readonly label: string,
    readonly enabled: boolean,
    private readonly unit: ProgressUnit = 'documents',
  ) {}

  static on(io: CommandIo, label: string, quiet: boolean, unit?: ProgressUnit): WorkProgress {
    return new WorkProgress(io.stderr, label, !quiet && Boolean(io.stderr.isTTY), unit);
  }

  /**
   * `done` of `total` finished. Documents: `bytesRead` more bytes of input behind them. Bytes:
   * `done`/`total` are bytes (total 0 when the server does not say).
   */
  update(done: number, total: number, bytesRead = 0): void {
    if (!this.enabled) return;
    this.bytes = this.unit === 'bytes' ? done : this.bytes + bytesRead;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = this.unit === 'bytes' ? `${megabytes(this.bytes / seconds)} MB/s` : `${(done / seconds).toFixed(1)} docs/s`;
    const payload: Payload = { read: `${megabytes(this.bytes)} MB`, rate: seconds > 0.05 ? rate : '… /s' };
    if (!this.bar) {
      this.bar = new cliProgress.SingleBar({
        stream: this.stream as NodeJS.WritableStream,
        format: (options, params, data) => this.line(options, params, data as Payload),
        barsize: 24,
        barCompleteChar: '\u2588',
        barIncompleteChar: '\u2591',
        hideCursor: false,
        // Interruption (SIGINT) is the pipeline's to handle; commands stop the bar in `finally`.
        gracefulExit: false,
      });
      this.bar.start(total, done, payload);
      return;
    }
    if (total !== this.bar.getTotal()) this.bar.setTotal(total);
    this.bar.update(done, payload);
  }

  /** Draws the final state and ends the line, so what follows starts on its own line. */
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  private line(options: cliProgress.Options, params: cliProgress.Params, data: Payload): string {
    const known = params.total > 0;
    const bar = cliProgress.Format.BarFormat(known ? params.progress : 0, options);
    const left = known && params.value >= params.total ? '0s' : known && Number.isFinite(params.eta) && params.eta > 0 ? cliProgress.Format.TimeFormat(params.eta, options, 1) : '…';
    const count =
      this.unit === 'bytes'
        ? `${data.read}${known ? ` of ${megabytes(params.total)} MB` : ''} | ${data.rate}`
        : // MB read where the input's references carry their sizes (DocumentRef.inputBytes: ZIP entries, folder files).
          `${params.value}/${params.total} documents${this.bytes > 0 ? ` | ${data.read} read` : ''} | ${data.rate}`;
    return `${this.label} ${bar} ${count} | ${left} left`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
