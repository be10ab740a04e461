import { MESSAGE_KINDS, type MessageKind, type Severity } from './kinds.js';

/** Where in a document a message points. Any subset may be known. */
export interface MessagePlace {
  row?: number;
  column?: number;
  token?: number;
  char?: number;
  /** JSON path inside the source file (`$.data.spanLabels[3]`). */
  jsonPath?: string;
  /** File (or ZIP entry) the message is about. */
  file?: string;
  /** Line of a text input (1-based), for readers of line formats (TSV, CSV, CoNLL). */
  line?: number;
}

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

/**
 * Collects the messages of one run. Writers and readers receive a scoped view (`scope`) so each
 * message carries its document, cabinet and format without every call repeating them.
 */
export class Report {
  readonly messages: ConversionMessage[] = [];
  /** Keys of messages meant to be said once (e.g. one LabelRenamed per label). */
  private readonly onceKeys = new Set<string>();

  constructor(private readonly context: ReportScope = {}, private readonly root?: Report) {}

  add(input: MessageInput): ConversionMessage {
    const message: ConversionMessage = {
      ...this.context,
      ...input,
      severity: input.severity ?? MESSAGE_KINDS[input.kind].severity,
    };
    (this.root ?? this).messages.push(message);
    return message;
  }

  /** Adds the message unless one with the same key was already added in this run. */
  once(key: string, input: MessageInput): void {
    const owner = this.root ?? this;
    const scoped = `${this.context.format ?? ''}\u0000${this.context.document ?? ''}\u0000${this.context.cabinet ?? ''}\u0000${key}`;
    if (owner.onceKeys.has(scoped)) return;
    owner.onceKeys.add(scoped);
    this.add(input);
  }

  scope(context: ReportScope): Report {
    return new Report({ ...this.context, ...context }, this.root ?? this);
  }

  count(filter?: Partial<Pick<ConversionMessage, 'kind' | 'severity' | 'format' | 'document'>>): number {
    return this.all().filter((m) => matches(m, filter)).length;
  }

  all(): ConversionMessage[] {
    return (this.root ?? this).messages;
  }

  /** Messages with this scope's context (a scoped report only sees its own). */
  own(): ConversionMessage[] {
    return this.all().filter((m) => matches(m, this.context));
  }

  hasErrors(strict = false): boolean {
    return this.all().some((m) => m.severity === 'error' || (strict && m.severity === 'warning'));
  }
}

function matches(message: ConversionMessage, filter: object | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, value]) => value === undefined || (message as unknown as Record<string, unknown>)[key] === value);
}

/** Under `--strict` every warning counts as an error. */
export function effectiveSeverity(message: ConversionMessage, strict: boolean): Severity {
  return strict && message.severity === 'warning' ? 'error' : message.severity;
}
