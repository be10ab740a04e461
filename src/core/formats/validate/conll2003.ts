import { IssueList, type LintResult } from './types.js';

/**
 * CoNLL-2003 NER files (CONLL_2003), as the task's readers take them: `-DOCSTART-` lines start
 * documents; every other non-empty line is four columns separated by single spaces
 * (word POS chunk NE); the NE column is `O` or `B-`/`I-` (also `E-`/`S-`/`L-`/`U-` for the
 * IOBES/BILOU schemes) plus a type; an empty line ends a sentence. A tag column with a space (a
 * fifth column) is the problem TagHasSpace warns about: here an error.
 */
export function lintConll2003(text: string): LintResult {
  const list = new IssueList();
  const counts = { documents: 0, sentences: 0, tokens: 0 };
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else if (text !== '') list.add('error', lines.length, 'conll2003/final-newline', 'the last line does not end with a line break');
  let inSentence = false;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line === '') {
      if (inSentence) counts.sentences++;
      inSentence = false;
      return;
    }
    const columns = line.split(' ');
    if (columns[0] === '-DOCSTART-') {
      counts.documents++;
      if (inSentence) list.add('error', n, 'conll2003/docstart', '-DOCSTART- inside a sentence (an empty line must come first)');
      return;
    }
    inSentence = true;
    counts.tokens++;
    if (columns.length !== 4 || columns.some((c) => c === '')) {
      list.add('error', n, 'conll2003/columns', `expected "word POS chunk NE" separated by single spaces, found ${columns.length} column(s)`);
      return;
    }
    const tag = columns[3];
    if (tag !== 'O' && !/^[BIESLU]-\S+$/.test(tag)) list.add('error', n, 'conll2003/tag', `NE tag "${tag}" is neither O nor a prefixed type`);
  });
  if (inSentence) counts.sentences++;
  if (counts.documents === 0) list.add('warning', 0, 'conll2003/no-docstart', 'no -DOCSTART- line (readers that split documents on it see one document)');
  return { issues: list.issues, counts };
}
