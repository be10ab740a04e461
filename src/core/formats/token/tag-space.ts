import { InputError } from '../../errors.js';
import type { Report } from '../../report/report.js';
import type { Document } from '../../model/types.js';
import type { ConvertOptions } from '../options.js';
import { LabelNamer } from './names.js';

/**
 * Label names in whitespace-separated tag columns (issue 13 item 6). Many CoNLL readers split a
 * line on any whitespace, so `B-Interaction Greeting` becomes two columns. By default the name is
 * written as it is (as the server does) and `TagHasSpace` warns once per label; `--tag-space _`
 * replaces each run of whitespace in the name with `_` (a rename, `LabelRenamed`). A replaced
 * name never takes the name of a label that already has it (`A B` → `A_B_2` when `A_B` exists):
 * the document's names without whitespace are claimed first.
 */
export class TagSpacePolicy {
  private readonly namer?: LabelNamer;

  constructor(
    private readonly replacement: string | undefined,
    private readonly target: string,
    names: Iterable<string> = [],
    report?: Report,
  ) {
    if (replacement !== undefined) {
      checkTagSpace(replacement);
      this.namer = new LabelNamer((name) => name.replace(/\s+/g, replacement), 'LABEL_', `${target} --tag-space`);
      // Unchanged names report nothing; claiming them first keeps them for their own labels.
      for (const name of names) if (!/\s/.test(name) && report) this.namer.name(name, report);
    }
  }

  /** The policy for one output: `names` are the label names it may write (all sets, all spans). */
  static from(options: Pick<ConvertOptions, 'tagSpace'>, target: string, docs: readonly Document[] = [], report?: Report): TagSpacePolicy {
    const names = new Set<string>();
    for (const doc of docs) {
      for (const set of doc.labelSets) for (const item of set.items) names.add(item.labelName);
      for (const span of doc.spans) names.add(span.labelName);
    }
    return new TagSpacePolicy(options.tagSpace, target, names, report);
  }

  /** The name written in the tag column. */
  tag(name: string, report: Report, labelId?: string): string {
    if (!/\s/.test(name)) return name;
    if (this.namer) return this.namer.name(name, report, labelId);
    report.once(`TagHasSpace:${this.target}:${name}`, {
      kind: 'TagHasSpace',
      text: `label "${name}" has a space: readers that split ${this.target} lines on whitespace will cut the tag (--tag-space _ replaces it)`,
      label: name,
      labelId,
    });
    return name;
  }
}

/** A replacement that holds whitespace would bring the problem back. */
export function checkTagSpace(replacement: string): void {
  if (/\s/.test(replacement)) {
    throw new InputError('BAD_OPTION', 'the replacement for spaces in tags cannot itself hold whitespace', { where: '--tag-space', expected: 'a string without whitespace, such as _ or -' });
  }
}
