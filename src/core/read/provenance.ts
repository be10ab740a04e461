import type { LabelProvenance, LabeledBy, LabelStatus } from '../model/types.js';

/** Who made a label and what became of it: the same keys in every label object of both formats. */
export const PROVENANCE_KEYS = ['status', 'labeledBy', 'labeledByUserId', 'acceptedByUserId', 'rejectedByUserId', 'createdAt', 'updatedAt'] as const;

type Id = LabelProvenance['labeledByUserId'];

/** A label without a status is LABELED (decided: the state a new label has on the platform). */
export function readProvenance(value: Partial<Record<(typeof PROVENANCE_KEYS)[number], unknown>>): LabelProvenance {
  return {
    status: (value.status ?? 'LABELED') as LabelStatus,
    labeledBy: (value.labeledBy ?? null) as LabeledBy | null,
    labeledByUserId: value.labeledByUserId as Id,
    acceptedByUserId: value.acceptedByUserId as Id,
    rejectedByUserId: value.rejectedByUserId as Id,
    createdAt: value.createdAt as string | null | undefined,
    updatedAt: value.updatedAt as string | null | undefined,
  };
}
