import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import '../../src/core/read/register-readers.js';
import { openInput } from '../../src/node/open-input.js';
import { parseDocumentText } from '../../src/core/read/index.js';
import { detectJsonFormat } from '../../src/core/read/inputs/server-json.js';
import { inferKinds } from '../../src/core/read/datasaur-schema.js';
import { syntheticId } from '../../src/core/read/defaults.js';
import { FIELD_RULES, ruleOf, type FieldRule } from '../../src/core/read/field-necessity.js';
import type { DocumentSource } from '../../src/core/read/context.js';
import type { Document } from '../../src/core/model/types.js';
import { Report } from '../../src/core/report/report.js';
import { runWriter, writersFor, type WriterRun } from './run-writer.js';
import { propertyParams, PROPERTY_TIMEOUT } from './config.js';
import { SAMPLES, sampleZips } from '../helpers/samples.js';

/**
 * Must show (issue 11 item 1): over every real JSON document in ../shared/samples, delete any set of
 * defaultable or carried fields (docs/formats.md, field necessity), set them to null, give carried
 * fields values of another type, add unknown keys, reorder keys: the document still reads (no
 * DocumentSkipped) and converts to every format that fits it, and the outputs differ from the
 * unmutated document's only in the values the deleted fields supply. "Supply" is made exact: the
 * same edits are applied to a second copy in which each deleted or nulled defaultable field is set
 * to its documented default instead (`explicitDefault`); every format other than the document's own
 * must give byte-identical files for the two, and the same-bytes writer must write the mutated
 * document back as it is (absent stays absent, null stays null).
 */
type Format = keyof typeof FIELD_RULES;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

interface Sample {
  name: string;
  format: Format;
  text: string;
  source: Omit<DocumentSource, 'report'>;
}

/** Every JSON document of the sample ZIPs, with the source a reader gets for it from the export layout. */
async function loadSamples(): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const zipPath of await sampleZips()) {
    const zip = await JSZip.loadAsync(await fs.readFile(zipPath));
    const opened = await openInput(zipPath);
    for (const ref of opened.documents.filter((d) => d.file.endsWith('.json'))) {
      const text = await zip.file(ref.file.slice(zipPath.length + 1))!.async('string');
      const format = detectJsonFormat(JSON.parse(text));
      if (!format) continue;
      const project = opened.projects.find((p) => p.folder === ref.projectFolder)!;
      out.push({
        name: path.relative(SAMPLES, ref.file),
        format,
        text,
        source: { file: ref.file, cabinet: ref.cabinet, documentName: ref.documentName, project: { id: project.id, name: project.name, folder: project.folder } },
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** An object key of the document with its concrete path and its rule (unknown keys: carried). */
interface Slot {
  parent: Obj;
  key: string;
  path: string;
  rule: FieldRule | undefined;
  class: FieldRule['class'];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const childPath = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`);

function slots(root: Json, format: Format): Slot[] {
  const out: Slot[] = [];
  const walk = (value: Json, at: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, childPath(at, i)));
    else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const p = childPath(at, key);
        const rule = ruleOf(format, p);
        // A key no rule names is carried: an unknown key, or a member of a free-form value (config, answers).
        out.push({ parent: value, key, path: p, rule, class: rule?.class ?? 'carried' });
        walk(value[key], p);
      }
    }
  };
  walk(root, '$');
  return out;
}

type Edit =
  /** `at`: an index into the fields that may be deleted (modulo their count), or a path. */
  | { op: 'delete' | 'null'; at: number | string }
  | { op: 'wrongType'; at: number; value: Json }
  | { op: 'addKey'; at: number; key: string; value: Json }
  | { op: 'reorder'; at: number; shift: number };

const jsonArb = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'null' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wrongType' as const), at: fc.nat(), value: jsonArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: fc.constantFrom('mutantNote', 'x-extra', 'zz', '__legacy'), value: jsonArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reorder' as const), at: fc.nat(), shift: fc.integer({ min: 1, max: 7 }) }) },
);

/** A field the property may delete or null: defaultable or carried, and not defaultable only where no label points into it. */
const deletable = (s: Slot) => s.class !== 'needed' && !s.rule?.conditional;
/** A deleted or nulled defaultable field whose default the explicit copy spells out (lists: none means none). */
const spelledOut = (s: Slot) => s.class === 'defaultable' && !s.rule?.list;

interface Applied {
  mutated: Json;
  explicit: Json;
  /** Defaultable fields deleted or nulled in `mutated`, by path: the explicit copy has their default there. */
  defaulted: Map<string, 'delete' | 'null'>;
}

function objects(root: Json): Array<{ value: Obj; path: string }> {
  const out: Array<{ value: Obj; path: string }> = [];
  const walk = (value: Json, at: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, childPath(at, i)));
    else if (value && typeof value === 'object') {
      out.push({ value, path: at });
      for (const key of Object.keys(value)) walk(value[key], childPath(at, key));
    }
  };
  walk(root, '$');
  return out;
}

function at(root: Json, p: string): { parent: Obj; key: string } | undefined {
  const parts = [...p.slice(1).matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) => (m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(m[3])) as string | number));
  let value: Json = root;
  for (const part of parts.slice(0, -1)) {
    value = (value as Record<string | number, Json>)?.[part];
    if (value === undefined || value === null || typeof value !== 'object') return undefined;
  }
  return { parent: value as Obj, key: parts[parts.length - 1] as string };
}

/** Applies the edits to two copies; deleted or nulled defaultable fields are left to `fillDefaults` in the explicit one. */
function applyEdits(text: string, format: Format, edits: readonly Edit[]): Applied {
  const mutated = JSON.parse(text) as Json;
  const explicit = JSON.parse(text) as Json;
  const defaulted = new Map<string, 'delete' | 'null'>();
  const both = (p: string, change: (parent: Obj, key: string) => void) => {
    for (const root of [mutated, explicit]) {
      const place = at(root, p);
      if (place) change(place.parent, place.key);
    }
  };
  for (const edit of edits) {
    if (edit.op === 'addKey' || edit.op === 'reorder') {
      const all = objects(mutated);
      const target = all[edit.at % all.length];
      for (const root of [mutated, explicit]) {
        const object = target.path === '$' ? (root as Obj) : (() => { const p = at(root, target.path); return p && (p.parent[p.key] as Obj); })();
        if (!object || typeof object !== 'object' || Array.isArray(object)) continue;
        if (edit.op === 'addKey') {
          if (!(edit.key in object)) object[edit.key] = structuredClone(edit.value);
        } else {
          const keys = Object.keys(object);
          const entries = keys.map((k) => [k, object[k]] as const);
          for (const k of keys) delete object[k];
          const shift = edit.shift % Math.max(keys.length, 1);
          for (const [k, v] of [...entries.slice(shift), ...entries.slice(0, shift)]) object[k] = v;
        }
      }
      continue;
    }
    const candidates = slots(mutated, format).filter(edit.op === 'wrongType' ? (s) => s.class === 'carried' : deletable);
    const slot = typeof edit.at === 'string' ? candidates.find((s) => s.path === edit.at) : candidates[edit.at % Math.max(candidates.length, 1)];
    if (!slot) continue;
    // A copy per place: one value shared by both roots (or put inside itself by a later edit) is no JSON document.
    if (edit.op === 'wrongType') both(slot.path, (parent, key) => (parent[key] = structuredClone(edit.value)));
    else {
      // What was inside goes with it: a field deleted or nulled earlier under this one is no longer
      // there to be defaulted (nor reported).
      for (const inner of [...defaulted.keys()]) if (inner.startsWith(`${slot.path}.`) || inner.startsWith(`${slot.path}[`)) defaulted.delete(inner);
      if (spelledOut(slot)) defaulted.set(slot.path, edit.op);
      both(slot.path, (parent, key) => (edit.op === 'delete' ? delete parent[key] : (parent[key] = null)));
    }
  }
  return { mutated, explicit, defaulted };
}

const pattern = (p: string) => p.replace(/\[\d+\]/g, '[]');
const indexes = (p: string) => [...p.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

/**
 * The documented default of a defaultable field (docs/formats.md), computed from the explicit copy
 * as it stands, so a default that depends on another defaulted field (a label name on its id) sees
 * that field's default first (ids are filled first).
 */
function explicitDefault(format: Format, p: string, root: Obj, source: Sample['source']): Json {
  const pat = pattern(p);
  const [n, k] = indexes(p);
  const get = (q: string) => { const place = at(root, q); return place ? place.parent[place.key] : undefined; };
  const parentPath = p.slice(0, p.lastIndexOf('.'));
  const parent = get(parentPath) as Obj;
  if (pat.endsWith('].id') && FIELD_RULES[format].find((r) => r.path === pat)?.rule.startsWith('synthesized')) {
    return syntheticId(parentPath.slice(format === 'DATASAUR_SCHEMA' ? '$.data.'.length : 2));
  }
  const tokensOf = (row: number) => ((root.sentences as Obj[])[row]?.tokens as string[]) ?? [];
  switch (pat) {
    case '$.labels[].status':
    case '$.data.bboxLabels[].status':
      return 'LABELED';
    case '$.labels[].labeledBy':
    case '$.data.bboxLabels[].labeledBy':
    case '$.sentences[].metadata[].value':
      return null;
    case '$.labels[].counter':
    case '$.labels[].startCellIndex':
    case '$.labels[].endCellIndex':
    case '$.labels[].startCharIndex':
    case '$.data.bboxLabels[].shapes[].pageIndex':
      return 0;
    case '$.labels[].shouldExpand':
    case '$.data.documentQuestions[].required':
      return false;
    case '$.labels[].endCharIndex':
      return Math.max(0, (tokensOf(parent.endCellLine as number)[parent.endTokenIndex as number]?.length ?? 1) - 1);
    case '$.labels[].type':
      return parent.originId != null && parent.destinationId != null ? 'ARROW' : 'SPAN';
    case '$.labels[].layer': {
      if (parent.type === 'TIMESTAMP') return 0;
      if (parent.type === 'ARROW') return null;
      const sets = (root.labelSets as Obj[] | null) ?? [];
      const owners = sets.map((s, i) => (((s.labelItems as Obj[] | null) ?? []).some((item) => String(item.id ?? syntheticId(`labelSets[${i}].labelItems[0]`)) === String(parent.labelSetItemId)) ? i : -1)).filter((i) => i >= 0);
      return owners.length === 1 ? owners[0] : 0;
    }
    case '$.labels[].documentId': {
      const first = ((root.labels as Obj[]) ?? []).map((l) => l.documentId).find((d) => typeof d === 'string');
      return (first as string | undefined) ?? source.documentName!;
    }
    case '$.sentences[].id':
    case '$.labelSets[].index':
    case '$.data.documentQuestions[].id':
    case '$.data.pages[].pageIndex':
      return n;
    case '$.sentences[].content':
      return tokensOf(n).join(' ');
    case '$.labelSets[].labelItems[].labelName':
      return String(parent.id);
    case '$.data.project':
      return { id: source.project!.id, name: source.project!.name };
    case '$.data.project.id':
      return source.project!.id;
    case '$.data.project.name':
      return source.project!.name;
    case '$.data.document':
      return { id: source.documentName!, name: source.documentName! };
    case '$.data.document.name':
      return source.documentName!;
    case '$.data.document.id':
      return typeof parent.name === 'string' ? parent.name : source.documentName!;
    case '$.data.kinds':
      return inferKinds(root.data as Parameters<typeof inferKinds>[0]);
    case '$.data.documentQuestions[].label':
      return typeof parent.name === 'string' ? parent.name : String(parent.id ?? n);
    case '$.data.documentQuestions[].type':
      return 'TEXT';
    case '$.data.documentQuestions[].config':
      return {};
    case '$.data.bboxLabelSets[].classes[].name':
      return String(parent.id ?? syntheticId(`bboxLabelSets[${n}].classes[${k}]`));
    case '$.data.bboxLabels[].bboxLabelClassName': {
      const classes = ((((root.data as Obj).bboxLabelSets as Obj[] | null) ?? []).flatMap((s, i) => ((s.classes as Obj[] | null) ?? []).map((c, j) => ({ id: String(c.id ?? syntheticId(`bboxLabelSets[${i}].classes[${j}]`)), name: c.name }))));
      return (classes.find((c) => c.id === String(parent.bboxLabelClassId))?.name as string | undefined) ?? String(parent.bboxLabelClassId);
    }
  }
  throw new Error(`no explicit default for ${pat}: add it here as docs/formats.md states it`);
}

function fillDefaults(applied: Applied, format: Format, source: Sample['source']): void {
  // Ids first: other defaults (names) are taken from them.
  const order = [...applied.defaulted.keys()].sort((a, b) => Number(!a.endsWith('.id')) - Number(!b.endsWith('.id')) || a.length - b.length);
  for (const p of order) {
    const place = at(applied.explicit, p);
    if (!place) continue; // a parent was deleted later
    place.parent[place.key] = explicitDefault(format, p, applied.explicit as Obj, source);
  }
}

/** The explicit copy's same-format output with each defaulted field put back as the mutated copy has it. */
function asMutated(output: string, defaulted: Map<string, 'delete' | 'null'>): string {
  const value = JSON.parse(output.replace(/^\uFEFF/, '')) as Json;
  for (const [p, op] of defaulted) {
    const place = at(value, p);
    if (!place || !(place.key in place.parent)) continue;
    if (op === 'delete') delete place.parent[place.key];
    else place.parent[place.key] = null;
  }
  return JSON.stringify(value) + '\n';
}

const LEFT_OUT = new Set(['LabelItemMissing', 'LabelTypeUnknown', 'ArrowEndpointMissing']);

/** Whether the writer kept the labels in the order of the file (JSON_ADVANCED sorts them). */
function sameLabelOrder(written: string, source: string, format: Format): boolean {
  if (format !== 'JSON_ADVANCED') return true;
  const ids = (text: string) => JSON.stringify(((JSON.parse(text) as Obj).labels as Obj[] | null)?.map((l) => l?.id) ?? null);
  return ids(written) === ids(source);
}

/** The model without what only the same-format writer uses (source key order, kept values, nested forms). */
function modelOf(doc: Document): unknown {
  return JSON.parse(JSON.stringify(doc, (key, value) => (['keyOrder', 'extra', 'nested', 'sourceObjects', 'sourceSyntax', 'readAs'].includes(key) ? undefined : value)));
}

/** Equal texts, or a failure that shows where they part (documents are too long for a diff). */
function expectSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let i = 0;
  while (actual[i] === expected[i]) i++;
  expect(actual.slice(Math.max(0, i - 150), i + 150), `${what}: first difference at character ${i}`).toBe(expected.slice(Math.max(0, i - 150), i + 150));
}

function read(text: string, sample: Sample): { doc: Document; report: Report } {
  const report = new Report();
  const doc = parseDocumentText(text, { ...sample.source, report });
  return { doc, report };
}

/**
 * The files of a run, to compare: an XLSX is compared by its parts without docProps/core.xml, which
 * holds the time it was made (to the second).
 */
async function files(run: WriterRun): Promise<string[]> {
  if (!run.files) return [`error: ${run.error}`];
  const out: string[] = [];
  for (const f of run.files) {
    if (!f.name.endsWith('.xlsx')) {
      out.push(`${f.name}\n${f.bytes.toString('base64')}`);
      continue;
    }
    const zip = await JSZip.loadAsync(f.bytes);
    for (const name of Object.keys(zip.files).sort()) if (name !== 'docProps/core.xml') out.push(`${f.name}!${name}\n${await zip.file(name)?.async('string')}`);
  }
  return out;
}

async function checkMutation(sample: Sample, edits: readonly Edit[]): Promise<void> {
  const applied = applyEdits(sample.text, sample.format, edits);
  fillDefaults(applied, sample.format, sample.source);
  const mutatedText = JSON.stringify(applied.mutated);
  const explicitText = JSON.stringify(applied.explicit);
  const mutated = read(mutatedText, sample);
  const explicit = read(explicitText, sample);
  // Each deleted or nulled defaultable field is named (once per path pattern), unless its label was
  // left out (named too, as LabelItemMissing or LabelTypeUnknown: its other fields do not matter).
  const said = new Set(mutated.report.all().filter((m) => m.kind === 'MissingFieldDefaulted').map((m) => m.text.split(' ')[0]));
  const leftOut = mutated.report.all().filter((m) => m.kind === 'LabelItemMissing' || m.kind === 'LabelTypeUnknown').map((m) => /^\$\.(?:data\.\w+|labels)\[\d+\]/.exec(m.place?.jsonPath ?? '')?.[0]).filter(Boolean) as string[];
  for (const [p, op] of applied.defaulted) {
    if (leftOut.some((label) => p.startsWith(`${label}.`))) continue;
    const rule = ruleOf(sample.format, p)!;
    // `null` is the value of a field whose default is null: only its absence is reported.
    if (op === 'null' && /`null` is that value/.test(rule.rule)) continue;
    // A document no label names is known by its name, which is not reported (the format has no id of its own).
    if (rule.path === '$.labels[].documentId' && !((applied.mutated as Obj).labels as Obj[] | undefined)?.some((l) => typeof l?.documentId === 'string')) continue;
    expect(said, `MissingFieldDefaulted for ${p}`).toContain(rule.path);
  }
  for (const m of mutated.report.all()) expect(m.kind).not.toBe('DocumentSkipped');
  for (const writer of writersFor(mutated.doc)) {
    const [a, b] = [await runWriter(writer, mutated.doc), await runWriter(writer, explicit.doc)];
    expect(a.files, `${writer.name}: ${a.error}`).not.toBeNull();
    if (writer.name === sample.format) {
      // Read back, the same-format file gives the model of the explicit copy: what was absent or null
      // gets the same defaults again.
      expect(modelOf(read(a.files![0].text, sample).doc), `${writer.name} read back`).toEqual(modelOf(explicit.doc));
      // Where the labels keep their places (none left out, none moved by the writer's order), the file
      // is the explicit copy's with each defaulted field absent or null again, as in the mutated one.
      if (sameLabelOrder(b.files![0].text, explicitText, sample.format) && !mutated.report.all().some((m) => LEFT_OUT.has(m.kind))) {
        expectSameText(a.files![0].text, asMutated(b.files![0].text, applied.defaulted), writer.name);
      }
      // DATASAUR_SCHEMA derives nothing: it is the mutated document itself, byte for byte (JSON_ADVANCED
      // rebuilds the short form of the spans in each sentence and sorts the labels).
      if (sample.format === 'DATASAUR_SCHEMA') expectSameText(a.files![0].text, mutatedText + '\n', 'the mutated document');
    } else {
      expect(await files(a), writer.name).toEqual(await files(b));
    }
  }
}

describe('mutation property over every real JSON document (field necessity)', async () => {
  const samples = await loadSamples();

  it('finds the real JSON documents (40 audio + 4 token JSON_ADVANCED, 9 bounding-box DATASAUR_SCHEMA)', () => {
    expect(samples.filter((s) => s.format === 'JSON_ADVANCED')).toHaveLength(44);
    expect(samples.filter((s) => s.format === 'DATASAUR_SCHEMA')).toHaveLength(9);
  });

  // Every document: each of its defaultable and carried fields deleted, then each nulled (keeping the
  // lists, so each label and box keeps its own fields to lose), then every list nulled, then
  // everything that may go, outermost first (what is inside goes with it).
  for (const sample of samples) {
    it(`every field deleted, every field nulled, every list nulled, everything deletable gone: ${sample.name}`, async () => {
      const all = slots(JSON.parse(sample.text), sample.format).filter(deletable);
      const scalars = all.filter((s) => !s.rule?.list && (s.parent[s.key] === null || typeof s.parent[s.key] !== 'object'));
      await checkMutation(sample, scalars.map((s): Edit => ({ op: 'delete', at: s.path })));
      await checkMutation(sample, scalars.map((s): Edit => ({ op: 'null', at: s.path })));
      await checkMutation(sample, all.filter((s) => s.rule?.list).map((s): Edit => ({ op: 'null', at: s.path })));
      await checkMutation(sample, all.map((): Edit => ({ op: 'delete', at: 0 })));
    }, PROPERTY_TIMEOUT);
  }

  it('any set of deletions, nulls, wrong types in carried fields, unknown keys and reordered keys', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(editArb, { minLength: 1, maxLength: 8 }), async (pick, edits) => {
        await checkMutation(samples[pick % samples.length], edits);
      }),
      // Each run converts two copies of a document to every format that fits it (the PDF too).
      propertyParams(25),
    );
  }, PROPERTY_TIMEOUT);
});
