import { quoteField } from './delimited.js';
import { classifierPart } from './classifier-part.js';

/**
 * AZURE_AUTOML_CSV for row and document projects: Azure ML AutoML text classification data, a
 * `text,labels` CSV. Labels are always written in the Python-list form `['a','b']` that Azure's
 * multi-label classification reads (FORMATS.md §4), so labels with commas or quotes stay intact:
 * each label is a single-quoted Python string with `\` and `'` escaped. RFC 4180 quoting where
 * needed, LF line ends (decided).
 */
export function pythonList(labels: readonly string[]): string {
  const quoted = labels.map((l) => `'${l.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`);
  return `[${quoted.join(',')}]`;
}

export const azureClassifierPart = classifierPart({
  extension: 'csv',
  header: 'text,labels\n',
  prepare() {
    return (example) => `${quoteField(example.text, ',')},${quoteField(pythonList(example.labels), ',')}\n`;
  },
});
