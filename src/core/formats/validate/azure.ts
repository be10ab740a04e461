import { IssueList, type LintResult } from './types.js';

/**
 * Azure AutoML NER (CoNLL) rules, as Azure's documentation lists them:
 * - every non-empty line is `token label` with exactly one space between them and no whitespace
 *   after the label;
 * - a label is exactly `O` or starts with `B-` or `I-` (case sensitive);
 * - exactly one empty line between two sentences, and exactly one empty line at the end;
 * plus FORMATS.md's reading of them: no empty line first. An `I-X` that does not follow `B-X`/`I-X`
 * is accepted by Azure but is not IOB2: a warning.
 */
export function lintAzureConll(text: string): LintResult {
  const list = new IssueList();
  const counts = { sentences: 0, tokens: 0, entities: 0 };
  if (text.length === 0) {
    list.add('error', 0, 'azure/empty', 'the file is empty: Azure needs at least one sentence');
    return { issues: list.issues, counts };
  }
  if (text.includes('\r')) list.add('warning', 0, 'azure/line-ending', 'the file has CR characters; lines are expected to end with LF');
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // split() gives one '' after the final '\n'; a file ending in exactly one empty line ends "…label\n\n".
  const last = lines.pop();
  if (last !== '') list.add('error', lines.length + 1, 'azure/final-newline', 'the last line does not end with a line break');
  if (lines[0] === '') list.add('error', 1, 'azure/leading-empty-line', 'the file starts with an empty line');

  let previousTag = 'O';
  let inSentence = false;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line === '') {
      if (i > 0 && lines[i - 1] === '') list.add('error', n, 'azure/one-empty-line', 'two empty lines in a row: exactly one empty line must separate sentences');
      if (inSentence) counts.sentences++;
      inSentence = false;
      previousTag = 'O';
      return;
    }
    inSentence = true;
    counts.tokens++;
    const match = /^(\S+) (\S+)$/.exec(line);
    if (!match) {
      list.add('error', n, 'azure/one-space', 'expected "token label" with exactly one space and nothing after the label');
      previousTag = 'O';
      return;
    }
    const tag = match[2];
    if (tag !== 'O' && !/^[BI]-./.test(tag)) {
      list.add('error', n, 'azure/label-prefix', `label "${tag}" is neither O nor starts with B- or I-`);
    } else if (tag.startsWith('I-') && previousTag.slice(2) !== tag.slice(2)) {
      list.add('warning', n, 'azure/iob2', `"${tag}" does not continue a ${tag.slice(2)} entity (IOB2 starts entities with B-)`);
    }
    if (tag.startsWith('B-')) counts.entities++;
    previousTag = tag;
  });
  if (inSentence) list.add('error', lines.length, 'azure/final-empty-line', 'the file must end with exactly one empty line after the last sentence');
  return { issues: list.issues, counts };
}
