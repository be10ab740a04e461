import type { Cabinet } from '../model/types.js';
import type { Report } from '../report/report.js';
import { InputError } from '../errors.js';
import { jsonPath } from './json-text.js';
import type { z } from 'zod';

/** What a document reader knows about where the text came from. */
export interface DocumentSource {
  /** File path, or `archive.zip!entry` for a ZIP entry; used in every error and message. */
  file: string;
  cabinet?: Cabinet;
  /** From the ZIP layout, when the document itself does not name its project (JSON_ADVANCED). */
  project?: { id: string; name: string; folder: string };
  /** Document name from the file name (`lorem.txt.json` → `lorem.txt`). */
  documentName?: string;
  report?: Report;
  /** `--input-format NAME`: read the file as this format instead of detecting it. */
  inputFormat?: string;
  /**
   * The text of a file next to this one (same folder or ZIP folder), by name, or undefined when
   * there is none: AMAZON_COMPREHEND_CSV and token CSV offsets point into the PLAIN text file
   * their `File` column names.
   */
  companion?: (fileName: string) => string | undefined;
}

/** Turns the first zod issue into an InputError naming the JSON path and what was expected. */
export function schemaError(error: z.ZodError, file: string, prefix: PropertyKey[] = []): InputError {
  const issue = error.issues[0];
  const path = jsonPath([...prefix, ...issue.path]);
  const expected = 'expected' in issue && issue.expected ? String(issue.expected) : undefined;
  const message = issue.code === 'invalid_type' && /received undefined/.test(issue.message) ? 'a required field is missing' : issue.message.replace(/^Invalid input: /, '');
  return new InputError('INVALID_DOCUMENT', message, { file, where: path, expected: expected && `${expected} here` });
}
