import { MESSAGE_KIND_NAMES, type MessageKind, type Severity } from './kinds.js';
import { GroupTable } from './group-table.js';

/** What a tally needs of a message (structural, so this module needs nothing else of the report). */
interface Counted {
  kind: MessageKind;
  severity: Severity;
  format?: string;
  project?: string;
  cabinet?: string;
  document?: string;
}

export interface ReportSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  byKind: Record<string, number>;
}

/** The messages of one kind, severity, format and document: the report's unit of aggregation. */
export interface MessageGroup {
  kind: MessageKind;
  severity: Severity;
  format?: string;
  project?: string;
  cabinet?: string;
  document?: string;
  count: number;
}

type CountFilter = Partial<Pick<Counted, 'kind' | 'severity' | 'format' | 'document'>>;

/**
 * Exact counts of every message of a run, in memory that grows with the number of distinct
 * (kind, severity, format, document) groups, not with the number of messages: a document with
 * 40,000 OverlapDropped warnings is one group. A group is six numbers and a count in typed arrays
 * (group-table.ts), each name held once: 140,000 groups take about 6 MB, most of it outside the
 * JavaScript heap.
 */
export class Tally {
  total = 0;
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly byKind = new Map<MessageKind, number>();
  /**
   * Made with the first message: a report is also made per document and preparation to record its
   * messages (prepare.ts), and most have none: five tables per document in nine formats, for
   * nothing (issue 15).
   */
  private byGroup?: GroupTable;
  /**
   * The previous message and its group. Messages come in runs of one group (a writer's messages
   * on one document): the next of a run is counted without looking its six fields up.
   */
  private last?: Counted;
  private lastGroup = 0;

  add(message: Counted): void {
    this.total++;
    this.bySeverity[message.severity]++;
    this.byKind.set(message.kind, (this.byKind.get(message.kind) ?? 0) + 1);
    const table = (this.byGroup ??= new GroupTable());
    if (this.last !== undefined && sameGroup(this.last, message)) table.addTo(this.lastGroup);
    else this.lastGroup = table.add([message.kind, message.severity, message.format ?? '', message.project ?? '', message.cabinet ?? '', message.document ?? '']);
    this.last = message;
  }

  count(filter?: CountFilter): number {
    if (!filter || Object.values(filter).every((v) => v === undefined)) return this.total;
    if (filter.format === undefined && filter.document === undefined && filter.severity === undefined) return this.byKind.get(filter.kind!) ?? 0;
    let n = 0;
    for (const group of this.groups()) {
      if (
        (filter.kind === undefined || group.kind === filter.kind) &&
        (filter.severity === undefined || group.severity === filter.severity) &&
        (filter.format === undefined || group.format === filter.format) &&
        (filter.document === undefined || group.document === filter.document)
      ) {
        n += group.count;
      }
    }
    return n;
  }

  /** Under `strict` warnings are counted as errors. Kinds in the order of the kind table. */
  summary(strict = false): ReportSummary {
    const { error, warning, info } = this.bySeverity;
    const byKind: Record<string, number> = {};
    for (const kind of MESSAGE_KIND_NAMES) {
      const n = this.byKind.get(kind);
      if (n) byKind[kind] = n;
    }
    return { total: this.total, bySeverity: strict ? { error: error + warning, warning: 0, info } : { error, warning, info }, byKind };
  }

  /** The groups in first-seen order (absent fields: the messages had none). */
  *groups(): IterableIterator<MessageGroup> {
    const table = this.byGroup;
    if (!table) return;
    for (let index = 0; index < table.length; index++) {
      const { values, count } = table.group(index);
      const [kind, severity, format, project, cabinet, document] = values;
      yield { kind: kind as MessageKind, severity: severity as Severity, format: format || undefined, project: project || undefined, cabinet: cabinet || undefined, document: document || undefined, count };
    }
  }
}

/** Same kind, severity, format, project, cabinet and document (absent and empty are the same, as in the table). */
function sameGroup(a: Counted, b: Counted): boolean {
  return (
    a.kind === b.kind &&
    a.severity === b.severity &&
    (a.format ?? '') === (b.format ?? '') &&
    (a.project ?? '') === (b.project ?? '') &&
    (a.cabinet ?? '') === (b.cabinet ?? '') &&
    (a.document ?? '') === (b.document ?? '')
  );
}
