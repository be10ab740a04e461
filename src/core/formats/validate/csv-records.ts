/**
 * A strict RFC 4180 reader for the classifier validators. Unlike a forgiving parser it says whether
 * each field was quoted (Vertex requires quoted inline text) and reports malformed quoting instead
 * of guessing. Accepts LF and CRLF line ends.
 */
export interface CsvField {
  value: string;
  quoted: boolean;
}

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: CsvField[];
}

/** Malformed quoting found while reading: the 1-based line and what is wrong there. */
export interface CsvProblem {
  line: number;
  message: string;
}

export function readCsvRecords(text: string): { records: CsvRecord[]; issues: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const issues: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: CsvField[] = [];
    for (;;) {
      let value = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        for (;;) {
          if (i >= text.length) {
            issues.push({ line: start, message: 'quoted field is not closed' });
            break;
          }
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          value += text[i++];
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          issues.push({ line, message: 'characters after a closing quote' });
          while (i < text.length && text[i] !== ',' && text[i] !== '\n') value += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"') issues.push({ line, message: 'a quote inside an unquoted field' });
          value += text[i++];
        }
      }
      fields.push({ value, quoted });
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (text[i] === '\n') i++;
      line++;
      break;
    }
    records.push({ line: start, fields });
  }
  return { records, issues };
}
