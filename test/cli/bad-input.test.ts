import { beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { cli } from '../helpers/cli.js';

/**
 * Must show (issue 2): bad input exits 2 with a one-paragraph message naming the file, the JSON
 * path or ZIP entry and what was expected, never a stack trace.
 */
let dir: string;
const token = JSON.parse(await fs.readFile(path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json'), 'utf8'));

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

async function zipOf(entries: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

function expectOneParagraph(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /); // no stack frames
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^error \[[A-Z_]+\] /);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-bad-'));
});

describe('bad input: exit 2, one paragraph naming file, place and expectation', () => {
  const cases: Array<[string, () => Promise<string>, RegExp[]]> = [
    ['not JSON', () => write('not-json.json', 'hello, world'), [/not-json\.json at line 1, column 1: the file is not valid JSON/, /expected valid JSON/]],
    ['truncated JSON', () => write('truncated.json', JSON.stringify(token).slice(0, 200)), [/truncated\.json at line 1, column \d+: the JSON ends early/, /expected a complete JSON document/]],
    ['a JSON that is not an export', () => write('other.json', '{"name":"x","items":[1,2]}'), [/other\.json at \$: this JSON is not a Datasaur export document/, /expected DATASAUR_SCHEMA/]],
    [
      'a span pointing past its row\'s tokens',
      () => {
        const bad = structuredClone(token);
        bad.data.spanLabels[1].textPosition.end.tokenIndex = 42;
        return write('past-end.json', JSON.stringify(bad));
      },
      [/past-end\.json at \$\.data\.spanLabels\[1\]\.textPosition: token 42 is past the end of row 0/, /expected a token index below 9/],
    ],
    [
      'an arrow to a missing span',
      () => {
        const bad = structuredClone(token);
        bad.data.arrowLabels[0].destinationId = 'nope';
        return write('arrow.json', JSON.stringify(bad));
      },
      [/arrow\.json at \$\.data\.arrowLabels\[0\]\.destinationId: arrow "a1" points to span "nope"/, /expected the id of one of the span labels/],
    ],
    [
      'a wrong type inside a document',
      () => {
        const bad = structuredClone(token);
        bad.data.rows[2][0].tokens = 'oops';
        return write('wrong-type.json', JSON.stringify(bad));
      },
      [/wrong-type\.json at \$\.data\.rows\[2\]\[0\]\.tokens/, /expected array/],
    ],
    ['a ZIP entry with ../', async () => write('slip.zip', await zipOf({ 'P-1/REVIEW/ok.json': JSON.stringify(token), '../../evil.json': '{}' })), [/slip\.zip!\.\.\/[^:]*: entry "\.\.\/[^"]*" would be written outside the export folder/, /expected relative entry paths without "\.\." segments/]],
    ['an empty ZIP', async () => write('empty.zip', await zipOf({})), [/empty\.zip: the archive holds no files/]],
    ['a missing file', async () => path.join(dir, 'missing.zip'), [/missing\.zip: no such file or folder/]],
    ['an empty file', () => write('empty.json', ''), [/empty\.json: the file is empty/]],
    ['a file that is not a ZIP', () => write('fake.zip', 'PK but not really'), [/fake\.zip: the file is not a ZIP archive/]],
  ];
  for (const [name, make, patterns] of cases) {
    it(name, async () => {
      const input = await make();
      const { code, stderr, stdout } = await cli('convert', input, '--to', 'DATASAUR_SCHEMA', '--out', path.join(dir, 'out-' + name.replace(/\W+/g, '-')));
      expect(code, stderr).toBe(2);
      expect(stdout).toBe('');
      expectOneParagraph(stderr);
      for (const p of patterns) expect(stderr).toMatch(p);
    });
  }

  it('an over-limit ZIP (entries and bytes)', async () => {
    const input = await write('big.zip', await zipOf({ 'P-1/REVIEW/a.json': JSON.stringify(token), 'P-1/REVIEW/b.json': JSON.stringify(token) }));
    const entries = await cli('inspect', input);
    expect(entries.code).toBe(0);
    const limited = await cli('convert', input, '--to', 'all', '--out', path.join(dir, 'o-big'), '--max-entries', '1');
    expect(limited.code).toBe(2);
    expectOneParagraph(limited.stderr);
    expect(limited.stderr).toMatch(/big\.zip: the archive has \d+ entries, more than the limit of 1/);
    const bytes = await cli('convert', input, '--to', 'all', '--out', path.join(dir, 'o-big2'), '--max-bytes', '1000');
    expect(bytes.code).toBe(2);
    expect(bytes.stderr).toMatch(/big\.zip at entry "P-1\/REVIEW\/[ab]\.json": the archive expands to more than the limit of 1000 bytes/);
  });

  it('bad options are usage errors, not crashes', async () => {
    const unknown = await cli('convert', 'x.zip', '--to', 'NOPE', '--out', dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--to: unknown or unavailable format "NOPE"; expected one of DATASAUR_SCHEMA/);
    const flag = await cli('convert', 'x.zip', '--bogus');
    expect(flag.code).toBe(2);
    expectOneParagraph(flag.stderr);
    const scheme = await cli('convert', 'x.zip', '--to', 'all', '--out', dir, '--scheme', 'XYZ');
    expect(scheme.stderr).toMatch(/--scheme: "XYZ" is not a valid value; expected one of IOB2, IOB1, IOBES, BILOU/);
  });
});

describe('a ZIP with one bad document', () => {
  it('converts the others and reports the bad one', async () => {
    const bad = structuredClone(token);
    bad.data.spanLabels[0].textPosition.start.row = 99;
    const input = await write('mixed.zip', await zipOf({ 'P-1/REVIEW/good.txt.json': JSON.stringify(token), 'P-1/REVIEW/bad.txt.json': JSON.stringify(bad) }));
    const out = path.join(dir, 'mixed-out');
    const { code, stdout, stderr } = await cli('convert', input, '--to', 'DATASAUR_SCHEMA,JSON_ADVANCED', '--out', out, '--report', path.join(dir, 'mixed-report.json'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/wrote 2 file\(s\) for 1 document\(s\).*1 document\(s\) skipped/);
    expect(stderr).toMatch(/error DocumentSkipped .*bad\.txt.*row 99 does not exist/);
    const written = await fs.readdir(path.join(out, 'DATASAUR_SCHEMA', 'P-1', 'REVIEW'));
    // The good document names itself curie.txt inside; the bad one was not written.
    expect(written).toEqual(['curie.txt.json']);
    const report = JSON.parse(await fs.readFile(path.join(dir, 'mixed-report.json'), 'utf8'));
    const skipped = report.messages.filter((m: { kind: string }) => m.kind === 'DocumentSkipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ kind: 'DocumentSkipped', severity: 'error', document: 'bad.txt', place: { jsonPath: '$.data.spanLabels[0].textPosition' } });
  });
});
