import { describe, expect, it } from 'vitest';
import { describeIgnored } from '../../src/core/read/ignored-entries.js';
import type { IgnoredEntry } from '../../src/core/read/input.js';

describe('describeIgnored', () => {
  it('names the first files of each reason and counts them all', () => {
    const entries: IgnoredEntry[] = [
      ...Array.from({ length: 7 }, (_, i) => ({ file: `x.zip!__MACOSX/._${i}`, reason: 'operating-system file' as const })),
      { file: 'x.zip!loose.json', reason: 'not in the export layout' },
    ];
    const lines = describeIgnored(entries);
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.reason === 'not in the export layout')!.text).toBe('1 file(s) not read: not in the export layout: x.zip!loose.json');
    expect(lines.find((l) => l.reason === 'operating-system file')!.text).toBe(
      '7 file(s) not read: operating-system file: x.zip!__MACOSX/._0, x.zip!__MACOSX/._1, x.zip!__MACOSX/._2, x.zip!__MACOSX/._3, x.zip!__MACOSX/._4, … (2 more)',
    );
  });

  // A hostile or careless ZIP can hold any number of entries that are not read: grouping them
  // copied each reason's list per entry, and 60,000 `__MACOSX/` entries took minutes (issue 15).
  it('groups 200,000 ignored entries of one reason in one pass', () => {
    const entries: IgnoredEntry[] = Array.from({ length: 200_000 }, (_, i) => ({ file: `x.zip!__MACOSX/._${i}`, reason: 'operating-system file' }));
    const [line] = describeIgnored(entries);
    expect(line.text.startsWith('200000 file(s) not read: operating-system file: x.zip!__MACOSX/._0,')).toBe(true);
    expect(line.text.endsWith('… (199995 more)')).toBe(true);
  }, 20_000);
});
