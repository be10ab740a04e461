import type { LabelProvenance, LabeledBy, LabelStatus, SourceFields } from '../model/types.js';
import type { FieldDefaults } from './defaults.js';
import { carried, isIdOrNull, isStringOrNull, keepNull } from './source-fields.js';

/** Who made a label and what became of it: the same keys in every label object of both formats. */
export const PROVENANCE_KEYS = ['status', 'labeledBy', 'labeledByUserId', 'acceptedByUserId', 'rejectedByUserId', 'createdAt', 'updatedAt'] as const;

/**
 * Reads the provenance keys of one label. `status` and `labeledBy` are defaultable (a label without
 * a status is LABELED, decided: the state a new label has on the platform; without `labeledBy` it
 * is not known who made it, as `null` says); the user ids and times are carried: kept as they are, a value of
 * another type only for writing back. `fields` is the label's own SourceFields, which receives the
 * values to write back as they were; `prefix` is the label's table path (`$.data.spanLabels[]`), `n`
 * the label's index in it.
 */
export function readProvenance(
  value: Partial<Record<(typeof PROVENANCE_KEYS)[number], unknown>>,
  fields: SourceFields,
  defaults: FieldDefaults,
  prefix: string,
  n: number,
): LabelProvenance {
  let status = value.status as LabelStatus | null | undefined;
  if (status == null) {
    defaults.missing(`${prefix}.status`, [n], 'LABELED assumed');
    if (status === null) keepNull(fields, 'status');
    status = 'LABELED';
  }
  // null is the value "not known", not a missing field: only an absent key is reported.
  let labeledBy = value.labeledBy as LabeledBy | null | undefined;
  if (labeledBy === undefined) {
    defaults.missing(`${prefix}.labeledBy`, [n], 'who made the label is not known (null)');
    labeledBy = null;
  }
  return {
    status,
    labeledBy,
    labeledByUserId: carried(value.labeledByUserId, 'labeledByUserId', fields, isIdOrNull),
    acceptedByUserId: carried(value.acceptedByUserId, 'acceptedByUserId', fields, isIdOrNull),
    rejectedByUserId: carried(value.rejectedByUserId, 'rejectedByUserId', fields, isIdOrNull),
    createdAt: carried(value.createdAt, 'createdAt', fields, isStringOrNull),
    updatedAt: carried(value.updatedAt, 'updatedAt', fields, isStringOrNull),
  };
}
