import { promises as fs, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, readReport, sandbox, type Sandbox } from '../hardening/harness.js';
import { cli } from '../helpers/cli.js';

/**
 * Issue 16, sandbox: a transformer that reaches for the file system, the process or the network,
 * loops forever, allocates without bound or throws fails the one document it misbehaves on
 * (`TransformerFailed`, naming the cause and the line:column in the user's `.ts`), the run's
 * other documents are written, and nothing lands outside --out. Each case misbehaves on
 * `bad.txt` only, in the third line of the file, so the place it names is known.
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');
const NAMES = ['first.txt', 'bad.txt', 'last.txt'];

/** A project export ZIP whose three documents are the fixture under the given names. */
async function threeDocuments(): Promise<Buffer> {
  const text = readFileSync(FIXTURE, 'utf8');
  const zip = new JSZip();
  for (const name of NAMES) {
    const value = JSON.parse(text) as { data: { document: { name: string } } };
    value.data.document.name = name;
    zip.file(`Sandbox project-P1/REVIEW/${name}.json`, JSON.stringify(value));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The documented template, with `hostile` (one line) run for bad.txt only, on line 3. */
const transformer = (hostile: string) => `(document: Exportable): string => {
  if (document.name === 'bad.txt') {
${hostile}
  }
  return document.cells.map((cell) => cell.content).join('\\n');
};
`;

interface Outcome {
  box: Sandbox;
  code: number;
  stderr: string;
  written: string[];
  failures: Array<{ text: string; document?: string }>;
}

async function run(name: string, source: string, ...flags: string[]): Promise<Outcome> {
  const box = await sandbox(`custom-${name}`);
  await fs.writeFile(box.input('export.zip'), await threeDocuments());
  await fs.writeFile(box.input('my-export.ts'), source);
  const result = await cli('convert', box.input('export.zip'), '--to', 'CUSTOM', '--transformer', box.input('my-export.ts'), '--out', box.out, '--report', box.report, ...flags);
  const written = await expectClean(box);
  const messages = await readReport(box.report);
  const failures = messages.filter((m) => m.kind === 'TransformerFailed');
  for (const m of failures) expect(m.severity).toBe('error');
  return { box, code: result.code, stderr: result.stderr, written, failures };
}

/** The other two documents were converted, bad.txt was not, and the one failure names it. */
function expectOnlyBadFailed(outcome: Outcome, cause: RegExp, place?: string): void {
  expect(outcome.written.map((f) => path.basename(f)).sort()).toEqual(['first.txt', 'last.txt']);
  expect(outcome.failures).toHaveLength(1);
  const [failure] = outcome.failures;
  expect(failure!.document).toBe('bad.txt');
  expect(failure!.text).toMatch(cause);
  // A place without a column: any column of that line (where a loop is paused varies).
  if (place) expect(failure!.text).toMatch(new RegExp(`my-export\\.ts:${place}${place.includes(':') ? '' : ':\\d+'}: `));
  expect(outcome.code).not.toBe(0);
  expect(outcome.stderr).toContain('TransformerFailed');
}

describe('CUSTOM sandbox: a misbehaving transformer fails its document only', () => {
  const boxes: Sandbox[] = [];
  afterAll(async () => {
    await Promise.all(boxes.map((b) => fs.rm(b.root, { recursive: true, force: true })));
  });

  it("require('fs') (to write next to --out) is refused, naming the line", async () => {
    const outcome = await run('fs', transformer("    require('fs').writeFileSync('escaped.txt', 'x');"));
    boxes.push(outcome.box);
    expectOnlyBadFailed(outcome, /require\("fs"\) is not available: the transformer runs without file system/, '3:5');
  });

  it('process.exit() is not there: the run goes on', async () => {
    const outcome = await run('exit', transformer('    process.exit(3);'));
    boxes.push(outcome.box);
    expectOnlyBadFailed(outcome, /ReferenceError: process is not defined/, '3:5');
  });

  describe('the network', () => {
    let hits = 0;
    let url = '';
    const server = createServer((_req, res) => {
      hits++;
      res.end('reached');
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetch(…) does not exist inside the sandbox, and nothing reaches the server', async () => {
      const outcome = await run('fetch', transformer(`    fetch(${JSON.stringify(url)});`));
      boxes.push(outcome.box);
      expectOnlyBadFailed(outcome, /ReferenceError: fetch is not defined/, '3:5');
      expect(hits).toBe(0);
    });
  });

  it('a loop that never ends is stopped after --transformer-timeout, naming the line it was in', async () => {
    const outcome = await run('loop', transformer('    for (let i = 0; ; i++) {}'), '--transformer-timeout', '1');
    boxes.push(outcome.box);
    expectOnlyBadFailed(outcome, /did not finish within 1 s \(--transformer-timeout\)/, '3');
  }, 60_000);

  it('unbounded allocation ends as a memory failure of that document; a new sandbox takes the next one', async () => {
    const outcome = await run('memory', transformer('    const keep = []; for (;;) keep.push(new Array(100000).fill(document.name));'), '--transformer-memory', '64');
    boxes.push(outcome.box);
    expectOnlyBadFailed(outcome, /ran out of memory: the sandbox's heap is limited to 64 MB \(--transformer-memory\)/);
  }, 60_000);

  it('a throw names the error and the line:column of the throw in the .ts file', async () => {
    const outcome = await run('throw', transformer("    throw new TypeError('no cells for ' + document.name);"));
    boxes.push(outcome.box);
    expectOnlyBadFailed(outcome, /TypeError: no cells for bad\.txt/, '3:11');
  });

  it('a result that is not a string fails that document, naming where the function starts', async () => {
    const outcome = await run('not-a-string', transformer('    return 42 as unknown as string;'));
    boxes.push(outcome.box);
    expectOnlyBadFailed(outcome, /returned a number, not a string/, '1:1');
  });

  it('no way back to the host: Function through a constructor, process through globalThis, the environment', async () => {
    const escape = "    return [typeof globalThis.process, typeof (globalThis as any).Buffer, (() => { try { return String(({}).constructor.constructor('return process')()); } catch (e) { return String(e); } })()].join(' ');";
    const outcome = await run('escape', transformer(escape).replace("if (document.name === 'bad.txt')", 'if (true)'));
    boxes.push(outcome.box);
    expect(outcome.failures).toEqual([]);
    const texts = await Promise.all(outcome.written.map((f) => fs.readFile(path.join(outcome.box.out, f), 'utf8')));
    expect(texts).toHaveLength(3);
    for (const t of texts) expect(t).toBe('undefined undefined EvalError: Code generation from strings disallowed for this context\n');
  });

  it('console output is kept in the report (TransformerLog), not printed', async () => {
    const outcome = await run('log', transformer("    console.log('looking at', document.name, { cells: document.cells.length });"));
    boxes.push(outcome.box);
    const logs = (await readReport(outcome.box.report)).filter((m) => m.kind === 'TransformerLog');
    expect(logs).toHaveLength(1);
    expect(logs[0]!.text).toMatch(/my-export\.ts logged:\nlooking at bad\.txt \{"cells":\d+\}/);
    expect(outcome.written).toHaveLength(3);
    expect(outcome.code).toBe(0);
  });
});
