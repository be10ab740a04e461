import type { Span, TokenPosition } from '../../model/types.js';
import type { MessageInput } from '../../report/report.js';

/** The report fields that name a span: its start position, id and label. */
export function spanPlace(span: Span, at: TokenPosition = span.start): Pick<MessageInput, 'place' | 'labelId' | 'label'> {
  return {
    place: { row: at.row, column: at.column, token: at.token, char: at.char },
    labelId: span.id,
    label: span.labelName,
  };
}
