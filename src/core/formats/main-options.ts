import { DEFAULT_OPTIONS, OVERLAP_RULES, SCHEMES } from './options.js';

/** How one of the main options is presented: the CLI's flag, its help text, its choices and default. */
export interface MainOption {
  /** The command line's long flag. */
  flag: string;
  description: string;
  choices?: readonly string[];
  default?: string;
  /** The default when it is a rule rather than a value. */
  defaultText?: string;
}

/**
 * The main conversion options as people see them, in one table: the CLI's option rows take their
 * description, choices and default from here, and the web page builds its fields from it, so the
 * two say the same thing. Parsing stays with each (the CLI reads text, the page its own fields).
 */
export const MAIN_OPTIONS = {
  cabinet: { flag: '--cabinet', description: 'whose labels: REVIEW, ROOT, a labeler e-mail, or all', default: 'REVIEW' },
  scheme: {
    flag: '--scheme',
    description: 'tagging scheme of TSV_IOB, HF_TOKEN_CLASSIFICATION and CONLL_2003 (BIOES is read as IOBES)',
    choices: SCHEMES,
    default: DEFAULT_OPTIONS.scheme,
  },
  overlap: { flag: '--overlap', description: 'overlapping spans of one label set in formats that cannot hold them', choices: OVERLAP_RULES, default: DEFAULT_OPTIONS.overlap },
  labelSet: { flag: '--label-set', description: 'label set for formats with one label column', defaultText: 'index 0, the first' },
} as const satisfies Record<'cabinet' | 'scheme' | 'overlap' | 'labelSet', MainOption>;
