import type { IssueList } from './types.js';

/** One JSON object per non-empty line; a line that is not one is an error under `rule`. */
export function jsonObjectLines(text: string, list: IssueList, rule: string): Array<{ line: number; value: Record<string, unknown> }> {
  const out: Array<{ line: number; value: Record<string, unknown> }> = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) list.add('error', i + 1, rule, 'the line is not a JSON object');
      else out.push({ line: i + 1, value: value as Record<string, unknown> });
    } catch {
      list.add('error', i + 1, rule, 'the line is not valid JSON');
    }
  });
  return out;
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
