import type { Random } from './random.js';
import type { RowShapes } from './shapes.js';

/**
 * Writes a row project's document as DATASAUR_SCHEMA (FORMATS.md §2, row shape of §2): a table of
 * `id`, `source`, `text` (AG News snippets) with a DROPDOWN row question "topic" answered on every
 * row, streamed row by row.
 */
export function writeRowDocument(rows: number, shapes: RowShapes, random: Random, write: (text: string) => void): void {
  const q = JSON.stringify;
  write(`{"version":"1","data":{"project":{"id":"bench-rows","name":"Bench rows"},"document":{"id":"rows-1","name":"news.csv"},"kinds":["ROW_BASED"],`);
  write(`"labelerInfo":{"id":1,"email":"labeler@example.com","displayName":"Labeler"},"comments":[],`);
  write(`"columns":[{"name":"id","id":0,"displayed":true,"labelerRestricted":false},{"name":"source","id":1,"displayed":true,"labelerRestricted":false},{"name":"text","id":2,"displayed":true,"labelerRestricted":false}],"rows":[`);
  const picked: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row = random.pick(shapes.rows);
    picked.push(row.label);
    const source = /^([A-Za-z. ]{2,24}?) - /.exec(row.text)?.[1] ?? '';
    write(`${r ? ',' : ''}[{"content":"${r + 1}"},{"content":${q(source)}},{"content":${q(row.text)}}]`);
  }
  const options = shapes.labels.map((label, i) => ({ id: String(i + 1), label }));
  write(`],"rowQuestions":[{"id":1,"name":"topic","label":"Topic","type":"DROPDOWN","required":true,"config":{"multiple":false,"options":${q(options)}}}],"rowAnswerSets":{`);
  for (let r = 0; r < rows; r++) write(`${r ? ',' : ''}"${r}":{"1":${q(picked[r])}}`);
  write(`}}}\n`);
}
