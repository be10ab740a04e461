import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** A parsed DATASAUR_SCHEMA document as the obvious script sees it: plain JSON, no model. */
export interface RawDocument {
  name: string;
  data: {
    rows: { content: string; tokens?: string[] }[][];
    columns?: { name: string }[];
    spanLabels?: { labelItem: { id: string; labelName?: string }; textPosition: { start: { row: number; tokenIndex: number }; end: { row: number; tokenIndex: number } }; status?: string }[];
    rowQuestions?: { id: number; name: string }[];
    rowAnswerSets?: Record<string, Record<string, unknown>>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * The documents of an input the way a user's script would read them: `JSON.parse` of the whole
 * file, or JSZip over the whole archive keeping the REVIEW cabinet (what `convert` converts).
 */
export async function* rawDocuments(input: string): AsyncIterable<RawDocument> {
  if (!input.endsWith('.zip')) {
    const value = JSON.parse(readFileSync(input, 'utf8'));
    yield { ...value, name: value.data.document.name };
    return;
  }
  const zip = await JSZip.loadAsync(readFileSync(input));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\/REVIEW\/[^/]+\.json$/.test(entry.name)) continue;
    const value = JSON.parse(await entry.async('string'));
    yield { ...value, name: value.data.document.name };
  }
}
