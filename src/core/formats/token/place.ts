import type { Span, TokenPosition } from '../../model/types.js';
import type { MessageInput } from '../../report/report.js';
import type { MessageKind } from '../../report/kinds.js';

/** The report fields that name a span: its start position, id and label. */
export function spanPlace(span: Span, at: TokenPosition = span.start): Pick<MessageInput, 'place' | 'labelId' | 'label'> {
  return {
    place: { row: at.row, column: at.column, token: at.token, char: at.char },
    labelId: span.id,
    label: span.labelName,
  };
}

/**
 * A message about a span, named by its start position, id and label. Built as one object: a
 * message literal with `...spanPlace(span)` spread into it cost V8 a runtime call per member, and
 * PLAIN names every span of every document.
 */
export function spanMessage(kind: MessageKind, text: string, span: Span): MessageInput {
  const at = span.start;
  return { kind, text, place: { row: at.row, column: at.column, token: at.token, char: at.char }, labelId: span.id, label: span.labelName };
}
