import { InputError } from '../../errors.js';
import { LabelNamer, vertexLabel } from '../token/names.js';
import { classifierPart } from './classifier-part.js';

/**
 * GCP_VERTEX_AI_CSV for row and document projects: a Vertex AI text classification import file,
 * one `[ml_use,]"text",label[,label…]` line per example (documented by Google). The inline text is
 * always quoted (`"` doubled inside); label names keep only `A-Za-z0-9_` (the same renaming rule
 * as the entity target, reported once per label, never merging two labels); `--ml-use` adds the
 * first column. LF line ends (decided).
 */
export const ML_USE_VALUES = ['training', 'validation', 'test'] as const;

export const vertexClassifierPart = classifierPart({
  extension: 'csv',
  header: '',
  prepare({ options }) {
    const mlUse = options.mlUse;
    if (mlUse !== undefined && !(ML_USE_VALUES as readonly string[]).includes(mlUse)) {
      throw new InputError('BAD_OPTION', `--ml-use "${mlUse}" is not a Vertex AI data split`, { expected: ML_USE_VALUES.join(', ') });
    }
    const namer = new LabelNamer(vertexLabel, 'label_', 'Vertex AI');
    return (example, { report }) => {
      const labels = example.labels.map((label) => namer.name(label, report));
      const fields = [`"${example.text.replaceAll('"', '""')}"`, ...labels];
      if (mlUse !== undefined) fields.unshift(mlUse);
      return fields.join(',') + '\n';
    };
  },
});
