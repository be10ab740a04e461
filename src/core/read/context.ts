import type { Cabinet } from '../model/types.js';
import type { Report } from '../report/report.js';
import { InputError } from '../errors.js';
import { jsonPath } from './json-text.js';
import type { BaseIssue } from 'valibot';

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

/**
 * Turns the first schema issue into an InputError naming the JSON path, what was expected there
 * and what was found. A check whose valibot `expects` says nothing (custom schemas, integer,
 * finite: see schema-parts.ts) carries what it expects as its message.
 */
export function schemaError(issues: readonly BaseIssue<unknown>[], file: string, prefix: PropertyKey[] = []): InputError {
  const issue = issues[0];
  const where = jsonPath([...prefix, ...(issue.path ?? []).map((item) => item.key as PropertyKey)]);
  const expected = lowerCase(issue.expected && issue.expected !== 'unknown' ? issue.expected : issue.message);
  const message = issue.input === undefined ? 'a required field is missing' : `expected ${expected}, received ${received(issue)}`;
  return new InputError('INVALID_DOCUMENT', message, { file, where, expected: `${expected} here` });
}

/** valibot's rendering of the value found (`"text"`, `7`, `array`, `null`), a long text by its length. */
function received(issue: BaseIssue<unknown>): string {
  return typeof issue.input === 'string' && issue.input.length > 40 ? `a string of ${issue.input.length} characters` : lowerCase(issue.received);
}

/** valibot names JSON's containers by their constructors (`Object`, `Array`); the messages say `object`, `array`. */
const lowerCase = (text: string) => text.replace(/\b(Object|Array)\b/g, (name) => name.toLowerCase());
