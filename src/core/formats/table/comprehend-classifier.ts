import { quoteField } from './delimited.js';
import { classifierPart } from './classifier-part.js';

/**
 * AMAZON_COMPREHEND_CSV for row and document projects: a classifier training file (documented by
 * AWS): no header, one `LABEL[|LABEL…],text` line per example, `|` between labels (multi-label
 * mode), no spaces around the comma, RFC 4180 quotes only where needed, LF line ends (decided, as
 * in Datasaur's published Comprehend dataset `agnews_8333rows_aws.csv`).
 * Comprehend reads one document per line: CR/LF inside a text become a space, and `|` inside a
 * label (it would split the label) becomes `_`; both are reported.
 */
export const comprehendClassifierPart = classifierPart({
  extension: 'csv',
  header: '',
  prepare() {
    return (example, { report }) => {
      const labels = example.labels.map((label) => {
        if (!label.includes('|') && !/[\r\n]/.test(label)) return label;
        const renamed = label.replace(/[\r\n]+/g, ' ').replaceAll('|', '_');
        report.once(`LabelRenamed:ComprehendClassifier:${label}`, { kind: 'LabelRenamed', text: `label "${label}" written as "${renamed}" (| separates Comprehend labels)`, label });
        return renamed;
      });
      let text = example.text;
      if (/[\r\n]/.test(text)) {
        text = text.replace(/\r\n|[\r\n]/g, ' ');
        report.add({ kind: 'WhitespaceReplaced', text: 'line breaks inside the text became spaces (Comprehend reads one document per line)', place: example.row >= 0 ? { row: example.row } : undefined });
      }
      return `${quoteField(labels.join('|'), ',')},${quoteField(text, ',')}\n`;
    };
  },
});
