import type { ProjectKind } from '../../model/types.js';

/** Project kinds whose documents are written as tables (row answers, document answers). */
export const TABLE_KINDS: readonly ProjectKind[] = ['ROW_BASED', 'DOCUMENT_BASED', 'BBOX_BASED'];

/** Classifier targets need text to classify: bounding-box projects have none. */
export const CLASSIFIER_KINDS: readonly ProjectKind[] = ['ROW_BASED', 'DOCUMENT_BASED'];
