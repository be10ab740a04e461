import type { JsonValue, LabelItem, MetadataEntry, Question, UserInfo } from '../model/types.js';
import type { Report } from '../report/report.js';
import { InputError } from '../errors.js';
import { syntheticId, type FieldDefaults } from './defaults.js';
import { carried, carriedId, isBooleanOrNull, isIdOrNull, isStringOrNull, hasUnknownKeys, keepNull, keySet, ownFields, reportUnknownKeys, sourceFields, type Where } from './source-fields.js';
import type { LabelSet } from '../model/types.js';
import { watchValue } from './source-text.js';
import { jsonPath } from './json-text.js';

/**
 * Readers of the objects DATASAUR_SCHEMA and JSON_ADVANCED share (labeler, label items, metadata,
 * questions), following the field-necessity table: `prefix` is the object's table path
 * (`$.data.labelSets[].labelItems[]`), `indexes` fill its `[]`, `where` is its concrete place.
 */
export type { Where };

/**
 * The document a shared reader reads objects of: its file, report and defaults, and the path of
 * the object that holds `labelSets` (`["data"]` in DATASAUR_SCHEMA, the top in JSON_ADVANCED).
 */
export interface DocumentScope {
  readonly report?: Report;
  readonly file: string;
  readonly defaults: FieldDefaults;
  readonly root: ReadonlyArray<PropertyKey>;
}

type Raw = Record<string, unknown>;

/** `labelerInfo`: carried as a whole (null when absent); its members too. */
export function readUser(value: Raw | null | undefined, scope: DocumentScope): UserInfo | null {
  if (!value) return null;
  const fields = ownFields(value, USER_KEYS);
  if (hasUnknownKeys(fields, USER_KEYS, NO_KEYS)) reportUnknownKeys(fields, USER_KEYS, NO_KEYS, { report: scope.report, file: scope.file, path: [...scope.root, 'labelerInfo'] });
  return {
    id: carried(value.id, 'id', fields, isIdOrNull) ?? null,
    email: carried(value.email, 'email', fields, isStringOrNull) ?? null,
    displayName: carried(value.displayName, 'displayName', fields, isStringOrNull) ?? null,
    ...fields,
  };
}

/**
 * Label item `n` of label set `set`: id synthesized when absent, name = the id when absent;
 * parentId and color carried. Its paths are made only for a message (taking them as arguments,
 * built per item, was 1 of the 62 KB a small document's loading allocated, issue 15).
 */
export function readLabelItem(item: Raw, set: number, n: number, scope: DocumentScope): LabelItem {
  const fields = ownFields(item, ITEM_KEYS);
  if (hasUnknownKeys(fields, ITEM_KEYS, NO_KEYS)) reportUnknownKeys(fields, ITEM_KEYS, NO_KEYS, { report: scope.report, file: scope.file, path: [...scope.root, 'labelSets', set, 'labelItems', n] });
  let id: string;
  if (item.id == null) {
    itemMissing(scope, set, n, 'id', 'an id was synthesized from its place (auto:…)');
    if (item.id === null) keepNull(fields, 'id');
    id = syntheticId(`labelSets[${set}].labelItems[${n}]`);
  } else id = String(item.id);
  let labelName = item.labelName as string | null | undefined;
  if (labelName == null) {
    itemMissing(scope, set, n, 'labelName', 'the item id is its name');
    if (labelName === null) keepNull(fields, 'labelName');
    labelName = id;
  }
  return {
    id,
    labelName,
    parentId: carriedId(item.parentId, 'parentId', fields),
    color: carried(item.color, 'color', fields, isStringOrNull),
    ...fields,
  };
}

function itemMissing(scope: DocumentScope, set: number, n: number, key: string, assumed: string): void {
  scope.defaults.missing(`${jsonPath([...scope.root, 'labelSets'])}[].labelItems[].${key}`, [set, n], assumed);
}

/** Sentence (JSON_ADVANCED) or cell (DATASAUR_SCHEMA) metadata: key needed, value defaultable (absent: null), pinned carried. */
export function readMetadata(entries: Raw[], prefix: string, indexes: readonly number[], defaults: FieldDefaults, where: Where): MetadataEntry[] {
  return entries.map((m, k) => {
    const fields = sourceFields(m, METADATA_KEYS, NO_KEYS, Object.assign({}, where, { path: [...where.path, k] }));
    watchValue(m.value);
    if (m.value === undefined) defaults.missing(`${prefix}[].value`, [...indexes, k], 'null (no value)');
    return { key: m.key as string, value: (m.value ?? null) as JsonValue, pinned: carried(m.pinned, 'pinned', fields, isBoolean), ...fields };
  });
}

/**
 * A row, document or bounding-box class question. The id defaults to the question's position
 * (answers are keyed by it), the label to the name or id, the type to TEXT, `required` to false and
 * `config` to `{}`; `name` and `bindToColumn` are carried.
 */
export function readQuestion(q: Raw, n: number, prefix: string, indexes: readonly number[], defaults: FieldDefaults, where: Where): Question {
  const fields = sourceFields(q, QUESTION_KEYS, NO_KEYS, where);
  const missing = (key: string, assumed: string) => {
    defaults.missing(`${prefix}.${key}`, indexes, assumed);
    if (q[key] === null) keepNull(fields, key);
  };
  if (q.id == null) missing('id', `its position (${n}) is its id`);
  const name = carried(q.name, 'name', fields, isStringOrNull);
  if (q.label == null) missing('label', 'its name (or id) is its label');
  if (q.type == null) missing('type', 'TEXT assumed');
  if (q.required == null) missing('required', 'not required');
  if (q.config == null) missing('config', 'no configuration ({})');
  const id = (q.id ?? n) as number | string;
  watchValue(q.config);
  watchValue(q.id);
  return {
    id,
    name,
    label: (q.label as string | null | undefined) ?? name ?? String(id),
    type: (q.type as string | null | undefined) ?? 'TEXT',
    required: (q.required as boolean | null | undefined) ?? false,
    config: (q.config ?? {}) as JsonValue,
    bindToColumn: carried(q.bindToColumn, 'bindToColumn', fields, isStringOrNull),
    ...fields,
  };
}

/** What a span's label item resolves to: its label set and name, or why the span is left out. */
export type SpanLabel = { layer: number; labelName: string; itemMissing: boolean } | { leftOut: string };

/**
 * A span's label set and label name. The label set is the span's layer when it has one, otherwise
 * the set whose items hold the label item id (an id in several sets without a layer is an error:
 * FORMATS.md §2). A label item that is in no label set names no label: the span is kept under the
 * name the file gives it (DATASAUR_SCHEMA's `labelItem.labelName`), else left out and reported —
 * both JSON readers follow this rule (issue 14 item 10).
 */
export function resolveSpanLabel(layer: number | undefined, itemId: string, fileName: string | undefined, labelSets: LabelSet[], file: string, where: string): SpanLabel {
  let resolved = layer;
  if (resolved === undefined) {
    const owners = labelSets.filter((set) => set.items.some((i) => i.id === itemId));
    if (owners.length > 1) {
      throw new InputError('INVALID_DOCUMENT', `label item "${itemId}" is in label sets ${owners.map((o) => o.index).join(' and ')} and the span has no layer`, {
        file,
        where,
        expected: 'a "layer" naming the label set',
      });
    }
    if (owners.length === 1) resolved = owners[0].index;
    else if (labelSets.length <= 1) resolved = 0;
    else return { leftOut: `label item "${itemId}" is in none of the ${labelSets.length} label sets and the span has no layer` };
  }
  const item = labelSets[resolved]?.items.find((i) => i.id === itemId);
  if (item) return { layer: resolved, labelName: item.labelName, itemMissing: false };
  if (fileName !== undefined) return { layer: resolved, labelName: fileName, itemMissing: true };
  return { leftOut: `label item "${itemId}" is not in label set ${resolved}, and the file gives no label name` };
}

/** The report of a span whose label item is in no label set (kept under the file's name, or left out). */
export function reportLabelItemMissing(report: Report | undefined, file: string, jsonPath: string, spanId: string, itemId: string, outcome: SpanLabel): void {
  if (!report) return;
  if ('leftOut' in outcome) {
    report.add({ kind: 'LabelItemMissing', text: `span left out: ${outcome.leftOut}`, labelId: spanId, place: { file, jsonPath } });
  } else {
    report.add({
      kind: 'LabelItemMissing',
      severity: 'info',
      text: `label item "${itemId}" is not in label set ${outcome.layer}: the span is kept under the name the file gives it ("${outcome.labelName}")`,
      labelId: spanId,
      label: outcome.labelName,
      place: { file, jsonPath },
    });
  }
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export { isBooleanOrNull };

const NO_KEYS = keySet();
const USER_KEYS = keySet('id', 'email', 'displayName');
const ITEM_KEYS = keySet('id', 'labelName', 'parentId', 'color');
const METADATA_KEYS = keySet('key', 'value', 'pinned');
const QUESTION_KEYS = keySet('id', 'name', 'label', 'type', 'required', 'config', 'bindToColumn');
