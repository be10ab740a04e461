/**
 * The one error class for problems a user can cause (bad input, bad options, missing files). The
 * CLI prints `toUserMessage()` and exits 2; it never shows a stack trace for these.
 */
export type InputErrorCode =
  | 'FILE_NOT_FOUND'
  | 'NOT_A_FILE'
  | 'NOT_JSON'
  | 'NOT_AN_EXPORT'
  | 'INVALID_DOCUMENT'
  | 'POSITION_OUT_OF_RANGE'
  | 'MISSING_REFERENCE'
  | 'UNSAFE_PATH'
  | 'LIMIT_EXCEEDED'
  | 'EMPTY_INPUT'
  | 'BAD_ZIP'
  | 'BAD_OPTION'
  | 'OUTPUT_EXISTS'
  | 'STRICT_FAILED'
  | 'UNSUPPORTED'
  | 'API_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'BAD_TSV'
  | 'BAD_TRANSFORMER';

export interface InputErrorDetails {
  /** File, or `archive.zip!entry/path.json` for a ZIP entry. */
  file?: string;
  /** JSON path (`$.data.spanLabels[2].textPosition.end.tokenIndex`) or `line 12` / `byte 300`. */
  where?: string;
  /** What was expected there. */
  expected?: string;
  hint?: string;
  cause?: unknown;
}

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly file?: string;
  readonly where?: string;
  readonly expected?: string;
  readonly hint?: string;

  constructor(code: InputErrorCode, message: string, details: InputErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'InputError';
    this.code = code;
    this.file = details.file;
    this.where = details.where;
    this.expected = details.expected;
    this.hint = details.hint;
  }

  /** One paragraph: file, place, what is wrong, what was expected, a hint. */
  toUserMessage(): string {
    const head = [this.file, this.where].filter(Boolean).join(' at ');
    let text = head ? `${head}: ${this.message}` : this.message;
    if (this.expected) text += `; expected ${this.expected}`;
    if (!/[.!?]$/.test(text)) text += '.';
    if (this.hint) text += ` ${this.hint}`;
    return `error [${this.code}] ${text}`;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
