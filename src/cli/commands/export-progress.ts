/**
 * What `export` shows while it works: on a TTY one status line rewritten in place and a progress
 * bar for the download; otherwise plain lines, one per change (download progress only at the end),
 * so logs stay readable. `--quiet`: nothing.
 */
import type { ExportEvent } from '../../client/export.js';
import type { RetryEvent } from '../../client/http.js';
import { formatBytes, WorkProgress } from '../progress.js';

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

export class ExportProgress {
  private readonly tty: boolean;
  private lineOpen = false;
  private readonly started = Date.now();
  private exportId = '';
  /** Made at the first download event, so its rate counts from the download's start. */
  private download: WorkProgress | undefined;

  constructor(
    private readonly out: Stream,
    private readonly quiet = false,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  onEvent = (event: ExportEvent): void => {
    if (this.quiet) return;
    switch (event.type) {
      case 'requested':
        this.exportId = event.exportId;
        return this.line(`export requested (${event.method}): ${event.exportId}`);
      case 'status':
        return this.status(`job ${event.status}`);
      case 'link-not-ready':
        return this.status(`link not ready yet (HTTP ${event.httpStatus}), asking again`);
      case 'webhook':
        return this.line(`webhook delivery received for project ${event.payload.projectId ?? '?'}`);
      case 'progress':
        this.clear();
        this.download ??= new WorkProgress(this.out, 'downloading', this.tty, 'bytes');
        this.download.update(event.progress.received, event.progress.total ?? 0);
        return;
      case 'downloaded':
        this.download?.stop();
        return this.line(`downloaded ${formatBytes(event.bytes)} in ${((Date.now() - this.started) / 1000).toFixed(1)} s`);
    }
  };

  onRetry = (event: RetryEvent): void => {
    if (this.quiet) return;
    this.status(`${event.operation}: ${event.status ? `HTTP ${event.status}` : 'network error'}, retrying in ${(event.delayMs / 1000).toFixed(1)} s`);
  };

  /** Plain text between progress updates (keeps the TTY line tidy). */
  line(text: string): void {
    if (this.quiet) return;
    this.clear();
    this.out.write(`${text}\n`);
  }

  done(): void {
    this.download?.stop();
    this.clear();
  }

  private status(text: string): void {
    const elapsed = `${((Date.now() - this.started) / 1000).toFixed(1)} s`;
    if (this.tty) {
      this.out.write(`\r\u001b[2K${this.exportId ? `${this.exportId.slice(0, 24)}… ` : ''}${text} [${elapsed}]`);
      this.lineOpen = true;
    } else {
      this.out.write(`${text} [${elapsed}]\n`);
    }
  }

  private clear(): void {
    if (this.tty && this.lineOpen) this.out.write('\r\u001b[2K');
    this.lineOpen = false;
  }
}
