/**
 * Validators for the cloud targets' published training-file rules. They check files as the
 * target would, independently of our writers, so tests (and users, through `datasaur-export lint`)
 * catch an output the target would refuse.
 */
export type LintTarget = 'comprehend' | 'azure' | 'vertex' | 'hf' | 'spacy' | 'conll2003' | 'coco' | 'yolo';
export const LINT_TARGETS: readonly LintTarget[] = ['comprehend', 'azure', 'vertex', 'hf', 'spacy', 'conll2003', 'coco', 'yolo'];

export interface LintIssue {
  /** `error`: the target refuses the file (documented rule); `warning`: accepted but likely a mistake. */
  severity: 'error' | 'warning';
  /** 1-based line of the file (0 when the issue is about the whole file). */
  line: number;
  /** Short stable name of the rule, e.g. `azure/one-space`. */
  rule: string;
  message: string;
}

export interface LintResult {
  issues: LintIssue[];
  /** Things counted while checking (records, sentences, labels), for the summary line. */
  counts: Record<string, number>;
}

export function hasErrors(result: LintResult): boolean {
  return result.issues.some((i) => i.severity === 'error');
}

/** Collects issues; stops recording after `limit` so a broken million-line file stays cheap to report. */
export class IssueList {
  readonly issues: LintIssue[] = [];
  constructor(private readonly limit = 1000) {}
  add(severity: LintIssue['severity'], line: number, rule: string, message: string): void {
    if (this.issues.length < this.limit) this.issues.push({ severity, line, rule, message });
  }
}
