import type { Span } from '../../model/types.js';
import type { MessageInput } from '../../report/report.js';
import type { MessageKind, Severity } from '../../report/kinds.js';

/**
 * A message about a span, named by its start position, id and label (`severity`: the kind's
 * own unless given). Built as one object: a message literal with the span's place fields spread
 * into it cost V8 a runtime call per member, and PLAIN names every span of every document.
 */
export function spanMessage(kind: MessageKind, text: string, span: Span, severity?: Severity): MessageInput {
  const at = span.start;
  return { kind, severity, text, place: { row: at.row, column: at.column, token: at.token, char: at.char }, labelId: span.id, label: span.labelName };
}
