import { MESSAGE_KINDS, type MessageKind, type Severity } from './kinds.js';
import { Tally, type ReportSummary, type MessageGroup } from './tally.js';

/** Where in a document a message points. Any subset may be known. */
export interface MessagePlace {
  row?: number;
  column?: number;
  token?: number;
  char?: number;
  /** JSON path inside the source file (`$.data.spanLabels[3]`). */
  jsonPath?: string;
  /** Byte offset inside the source file (bytes that are not UTF-8). */
  byte?: number;
  /** File (or ZIP entry) the message is about. */
  file?: string;
  /** Line of a text input (1-based), for readers of line formats (TSV, CSV, CoNLL). */
  line?: number;
}

/** One message of a run. A field added here is also copied in `stamp` (below). */
export interface ConversionMessage {
  kind: MessageKind;
  severity: Severity;
  text: string;
  /** The output format that produced it; absent for reader messages. */
  format?: string;
  project?: string;
  document?: string;
  cabinet?: string;
  place?: MessagePlace;
  /** The span, arrow, answer or label id concerned. */
  labelId?: string;
  label?: string;
}

export type MessageInput = Omit<ConversionMessage, 'severity'> & { severity?: Severity };

/** Context stamped on every message added through a scoped report. */
export type ReportScope = Pick<ConversionMessage, 'format' | 'project' | 'document' | 'cabinet'>;

/** Receives every message of a run in the order it was added (the `--report` file streams them). */
export interface ReportSink {
  write(message: ConversionMessage): void;
}

export interface ReportSettings {
  /**
   * Messages kept in memory for `all()` / `messages`; past it only the counts (per severity, kind
   * and group) grow, so a run's memory does not grow with its messages. Default: every message.
   */
  keep?: number;
  /** Gets every message as it is added, kept or not. */
  sink?: ReportSink;
}

/** State shared by a report and all its scoped views. */
interface RunState {
  readonly messages: ConversionMessage[];
  readonly keep: number;
  readonly sinks: ReportSink[];
  readonly tally: Tally;
  /** Keys of messages meant to be said once (e.g. one LabelRenamed per label), outside any document. */
  readonly onceKeys: Set<string>;
  /**
   * The same for the document being converted: documents are converted one after the other, so
   * only the current one's keys are kept (a run of 100,000 documents does not keep 100,000 sets).
   */
  onceDocument: { project?: string; cabinet?: string; document?: string; keys: Set<string> };
}

/**
 * Collects the messages of one run. Writers and readers receive a scoped view (`scope`) so each
 * message carries its document, cabinet and format without every call repeating them.
 *
 * Counts (`count`, `hasErrors`, `summary`, `groups`) are always exact; the message list itself
 * holds at most `keep` messages (`dropped` says how many more there were), and a `sink` sees all.
 */
export class Report {
  private readonly run: RunState;
  private readonly context: ReportScope;

  constructor(settings: ReportSettings | ReportScope = {}, parent?: Report) {
    if (parent) {
      this.run = parent.run;
      this.context = settings as ReportScope;
      return;
    }
    // `new Report({ format, document })` (a scoped root, as tests make) or `new Report({ keep, sink })`.
    const isSettings = 'keep' in settings || 'sink' in settings;
    const { keep, sink } = isSettings ? (settings as ReportSettings) : {};
    this.context = isSettings ? {} : (settings as ReportScope);
    this.run = { messages: [], keep: keep ?? Infinity, sinks: sink ? [sink] : [], tally: new Tally(), onceKeys: new Set(), onceDocument: { keys: new Set() } };
  }

  /** The messages kept in memory (all of them unless `keep` was set and exceeded). */
  get messages(): ConversionMessage[] {
    return this.run.messages;
  }

  /** Messages added but not kept in memory (past `keep`). */
  get dropped(): number {
    return this.run.tally.total - this.run.messages.length;
  }

  add(input: MessageInput): ConversionMessage {
    const message = stamp(this.context, input);
    const run = this.run;
    run.tally.add(message);
    if (run.messages.length < run.keep) run.messages.push(message);
    for (const sink of run.sinks) sink.write(message);
    return message;
  }

  /** Adds the message unless one with the same key was already added for this format and document (or run, outside documents). */
  once(key: string, input: MessageInput): void {
    const { format, document, cabinet, project } = this.context;
    let keys = this.run.onceKeys;
    if (document !== undefined) {
      // Compared field by field: joining them into an id cost a string per call (issue 15).
      const current = this.run.onceDocument;
      if (current.document !== document || (current.project ?? '') !== (project ?? '') || (current.cabinet ?? '') !== (cabinet ?? '')) {
        this.run.onceDocument = { project, cabinet, document, keys: new Set() };
      }
      keys = this.run.onceDocument.keys;
    }
    const scoped = `${format ?? ''}\u0000${cabinet ?? ''}\u0000${key}`;
    if (keys.has(scoped)) return;
    keys.add(scoped);
    this.add(input);
  }

  /** Sends every message added from now on to `sink` too; returns the function that stops it. */
  attach(sink: ReportSink): () => void {
    this.run.sinks.push(sink);
    return () => {
      const at = this.run.sinks.indexOf(sink);
      if (at >= 0) this.run.sinks.splice(at, 1);
    };
  }

  scope(context: ReportScope): Report {
    return new Report(Object.assign({}, this.context, context), this);
  }

  count(filter?: Partial<Pick<ConversionMessage, 'kind' | 'severity' | 'format' | 'document'>>): number {
    return this.run.tally.count(filter);
  }

  /** The kept messages of the whole run (see `keep`). */
  all(): ConversionMessage[] {
    return this.run.messages;
  }

  /** Kept messages with this scope's context (a scoped report only sees its own). */
  own(): ConversionMessage[] {
    return this.all().filter((m) => matches(m, this.context));
  }

  hasErrors(strict = false): boolean {
    const { error, warning } = this.run.tally.bySeverity;
    return error > 0 || (strict && warning > 0);
  }

  /** Counts per severity (warnings as errors under `strict`) and per kind, of every message added. */
  summary(strict = false): ReportSummary {
    return this.run.tally.summary(strict);
  }

  /** Every message added, aggregated per kind, severity, format and document, in first-seen order. */
  groups(): MessageGroup[] {
    return [...this.run.tally.groups()];
  }
}

/**
 * The message with its scope and default severity. Built field by field, in one order (kind,
 * severity, text, where, what): an object spread of scope and input cost about ten times more per
 * message, and a run may add millions. A field the input gives wins over the scope's.
 */
function stamp(scope: ReportScope, input: MessageInput): ConversionMessage {
  const message: ConversionMessage = { kind: input.kind, severity: input.severity ?? MESSAGE_KINDS[input.kind].severity, text: input.text };
  const format = input.format ?? scope.format;
  const project = input.project ?? scope.project;
  const document = input.document ?? scope.document;
  const cabinet = input.cabinet ?? scope.cabinet;
  if (format !== undefined) message.format = format;
  if (project !== undefined) message.project = project;
  if (document !== undefined) message.document = document;
  if (cabinet !== undefined) message.cabinet = cabinet;
  if (input.place !== undefined) message.place = input.place;
  if (input.labelId !== undefined) message.labelId = input.labelId;
  if (input.label !== undefined) message.label = input.label;
  return message;
}

function matches(message: ConversionMessage, filter: object | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, value]) => value === undefined || (message as unknown as Record<string, unknown>)[key] === value);
}

/** Under `--strict` every warning counts as an error. */
export function effectiveSeverity(message: ConversionMessage, strict: boolean): Severity {
  return strict && message.severity === 'warning' ? 'error' : message.severity;
}

export type { ReportSummary, MessageGroup } from './tally.js';
