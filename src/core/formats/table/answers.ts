import type { JsonValue, Question } from '../../model/types.js';

/**
 * How one answer becomes the text of one table cell (FORMATS.md §5, decided):
 * several answers are joined with `;` (the separator the platform reads on import), booleans are
 * `true`/`false`, numbers keep their JavaScript form, and nested answers (objects, or anything of
 * a NESTED question) are compact JSON so no sub-answer is lost.
 */
export const ANSWER_SEPARATOR = ';';

export function answerToCell(value: JsonValue | undefined, question?: Pick<Question, 'type'>): string {
  if (value === null || value === undefined) return '';
  if (question?.type === 'NESTED' || isNested(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map((v) => scalarText(v)).join(ANSWER_SEPARATOR);
  return scalarText(value);
}

/**
 * The answer as a list of label strings (classifier targets). Empty when unanswered; nested values
 * are one compact-JSON label each.
 */
export function answerToLabels(value: JsonValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : scalarText(v))).filter((s) => s !== '');
}

/** True when the answer carries something (null, '' and [] are "unanswered"). */
export function isAnswered(value: JsonValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function isNested(value: JsonValue): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value)) return true;
  return value.some((v) => v !== null && typeof v === 'object');
}

function scalarText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The column title of a question: its `name`, else its `label` (§5). */
export function questionColumnName(question: Pick<Question, 'name' | 'label' | 'id'>): string {
  return question.name || question.label || String(question.id);
}
