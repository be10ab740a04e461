/** `export`, `webhook`, `simulate` and `demo` commands against the simulator, on loopback. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DatasaurClient, signBody } from '../../src/client/index.js';
import { ExportProgress } from '../../src/cli/commands/export-progress.js';
import { DEMO_FIXTURE } from '../../src/cli/commands/demo.js';
import { runCli } from '../../src/cli/main.js';
import type { Simulator } from '../../src/simulator/index.js';
import { cli } from '../helpers/cli.js';
import { FAST, listFiles, tempDir, withSimulator } from './helpers.js';

const TOKEN_ZIP = DEMO_FIXTURE;
const credentials = (sim: Simulator) => ['--base-url', sim.baseUrl, '--client-id', sim.clientId, '--client-secret', sim.clientSecret];

describe('datasaur-export export', () => {
  it('exports DATASAUR_SCHEMA once and converts it to the requested formats, with plain progress lines off a TTY', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      const out = join(dir, 'out');
      const run = await cli('export', '--project', 'FxTok3n01', '--to', 'TSV_IOB,DATASAUR_SCHEMA', '--out', out, ...credentials(sim));
      expect(run.stderr).toContain('job DELIVERED');
      expect(run.stderr).not.toContain('\u001b[2K');
      expect(run.stderr).not.toContain(sim.clientSecret);
      expect(run.stdout).toBe(`wrote 2 file(s) for 1 document(s) to ${out}\n`);
      expect(run.code).toBe(0);
      expect(await listFiles(out)).toEqual(['DATASAUR_SCHEMA/Fixture token _NER_-FxTok3n01/REVIEW/curie.txt.json', 'TSV_IOB/Fixture token _NER_-FxTok3n01/REVIEW/curie.txt.tsv']);
      // One export request, in DATASAUR_SCHEMA, whatever the requested formats.
      expect(sim.jobs.jobs.size).toBe(1);
      expect([...sim.jobs.jobs.values()][0]!.request.format).toBe('DATASAUR_SCHEMA');
      const tsv = await readFile(join(out, 'TSV_IOB/Fixture token _NER_-FxTok3n01/REVIEW/curie.txt.tsv'), 'utf8');
      expect(tsv).toMatch(/^Marie\tB-PER\t.*\nCurie\tI-PER\t/);
    });
  });

  it('takes credentials from DATASAUR_BASE_URL / _CLIENT_ID / _CLIENT_SECRET and projects from --tag', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      const saved = { ...process.env };
      Object.assign(process.env, { DATASAUR_BASE_URL: sim.baseUrl, DATASAUR_CLIENT_ID: sim.clientId, DATASAUR_CLIENT_SECRET: sim.clientSecret });
      try {
        const run = await cli('export', '--tag', 'FIXTURE', '--status', 'complete', '--to', 'PLAIN', '--out', join(dir, 'out'));
        expect(run.code).toBe(0);
        expect(run.stderr).toContain('1 project(s) match tag FIXTURE and status COMPLETE: Fixture token [NER] (FxTok3n01)');
        expect(await listFiles(join(dir, 'out'))).toEqual(['PLAIN/Fixture token _NER_-FxTok3n01/REVIEW/curie.txt']);
        const none = await cli('export', '--tag', 'NO-SUCH-TAG', '--to', 'PLAIN', '--out', join(dir, 'none'));
        expect(none.code).toBe(2);
        expect(none.stderr).toContain('error [BAD_OPTION] no project matches tag NO-SUCH-TAG');
      } finally {
        process.env = saved;
      }
    });
  });

  it('missing credentials: exit 2 naming what is missing', async () => {
    const saved = { ...process.env };
    delete process.env.DATASAUR_BASE_URL;
    delete process.env.DATASAUR_CLIENT_ID;
    delete process.env.DATASAUR_CLIENT_SECRET;
    try {
      const run = await cli('export', '--project', 'x', '--to', 'PLAIN', '--out', 'nowhere');
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('error [BAD_OPTION] missing credentials: DATASAUR_BASE_URL, DATASAUR_CLIENT_ID, DATASAUR_CLIENT_SECRET. Set the environment variables (or --base-url, --client-id, --client-secret).\n');
    } finally {
      process.env = saved;
    }
  });

  it('CUSTOM_WEBHOOK: a local receiver gets the signed delivery and the file is converted', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      const run = await cli('export', '--project', 'FxTok3n01', '--method', 'custom_webhook', '--webhook-secret', 'cli-hook-secret', '--to', 'PLAIN', '--out', join(dir, 'out'), ...credentials(sim));
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/webhook receiver listening on http:\/\/127\.0\.0\.1:\d+\//);
      expect(run.stderr).toContain('webhook delivery received for project FxTok3n01');
      expect(sim.jobs.deliveries[0]!.webhookStatus).toBe(200);
      expect(await listFiles(join(dir, 'out'))).toEqual(['PLAIN/Fixture token _NER_-FxTok3n01/REVIEW/curie.txt']);
    });
  });

  it('EXTERNAL_OBJECT_STORAGE: converts the object from --storage-dir; EMAIL: says where the link went, converts nothing', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      const stored = await cli('export', '--project', 'FxTok3n01', '--method', 'EXTERNAL_OBJECT_STORAGE', '--storage-id', 'b1', '--storage-prefix', 'x/', '--storage-dir', sim.storageDir, '--to', 'PLAIN', '--out', join(dir, 'out'), ...credentials(sim));
      expect(stored.code).toBe(0);
      expect(await listFiles(join(dir, 'out'))).toEqual(['PLAIN/Fixture token _NER_-FxTok3n01/REVIEW/curie.txt']);
      const mailed = await cli('export', '--project', 'FxTok3n01', '--method', 'EMAIL', '--to', 'PLAIN', '--out', join(dir, 'mail'), ...credentials(sim));
      expect(mailed.code).toBe(0);
      expect(mailed.stdout).toMatch(/^export ExportQueue:\S+ delivered: the server e-mailed the download link/);
      expect(await listFiles(join(dir, 'mail'))).toEqual([]);
    });
  });

  it('--document exports one cabinet copy as a bare file and converts it', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      const cabinet = await new DatasaurClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }).api.getCabinet('FxTok3n01', 'REVIEWER');
      const documentId = cabinet.documents![0]!.id;
      const run = await cli('export', '--document', documentId, '--to', 'TSV_IOB', '--out', join(dir, 'out'), '--save-export', join(dir, 'raw'), ...credentials(sim));
      expect(run.code).toBe(0);
      expect(await listFiles(join(dir, 'raw'))).toEqual(['curie.txt.json']);
      expect(await listFiles(join(dir, 'out'))).toEqual(['TSV_IOB/Fixture token _NER_-FxTok3n01/REVIEW/curie.txt.tsv']);
      const mixed = await cli('export', '--document', documentId, '--project', 'FxTok3n01', '--to', 'PLAIN', '--out', join(dir, 'x'), ...credentials(sim));
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toContain('--document exports one document');
    });
  });

  it('a FAILED job: exit 2 with the job errors, nothing written', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      sim.failNextJobs(1);
      const run = await cli('export', '--project', 'FxTok3n01', '--to', 'PLAIN', '--out', join(dir, 'out'), ...credentials(sim));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/error \[API_ERROR\] export ExportQueue:\S+ FAILED on the server: ExportError: Error: simulated export failure: \{"reason":"simulated"\}\. Nothing was downloaded/);
      expect(await listFiles(join(dir, 'out'))).toEqual([]);
    });
  });

  it('--save-export keeps the downloaded DATASAUR_SCHEMA ZIP', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      const run = await cli('export', '--project', 'FxTok3n01', '--to', 'PLAIN', '--out', join(dir, 'out'), '--save-export', join(dir, 'raw'), ...credentials(sim));
      expect(run.code).toBe(0);
      const [saved] = await listFiles(join(dir, 'raw'));
      expect(saved).toMatch(/^datasaur-export-.*\.zip$/);
    });
  });
});

describe('progress display', () => {
  it('rewrites one line on a TTY, with a progress bar for the download', () => {
    let text = '';
    const stream = Object.assign(new Writable({ write: (c, _e, done) => ((text += String(c)), done()) }), { isTTY: true });
    const progress = new ExportProgress(stream);
    progress.onEvent({ type: 'requested', exportId: 'ExportQueue:1', method: 'FILE_STORAGE' });
    progress.onEvent({ type: 'status', status: 'QUEUED' });
    progress.onEvent({ type: 'progress', progress: { received: 512, total: 1024 } });
    progress.onEvent({ type: 'downloaded', file: 'x', bytes: 1024 });
    expect(text).toMatch(/\r\u001b\[2KExportQueue:1… job QUEUED \[\d+\.\d s\]/);
    expect(text).toMatch(/downloading █+░+ 0\.0 MB of 0\.0 MB \| .* left/);
    expect(text.endsWith('downloaded 1.0 KiB in 0.0 s\n')).toBe(true);
  });

  it('--quiet: nothing on a TTY either', () => {
    let text = '';
    const stream = Object.assign(new Writable({ write: (c, _e, done) => ((text += String(c)), done()) }), { isTTY: true });
    const progress = new ExportProgress(stream, true);
    progress.onEvent({ type: 'requested', exportId: 'ExportQueue:1', method: 'FILE_STORAGE' });
    progress.onEvent({ type: 'status', status: 'QUEUED' });
    progress.onEvent({ type: 'progress', progress: { received: 512, total: 1024 } });
    progress.onEvent({ type: 'downloaded', file: 'x', bytes: 1024 });
    progress.done();
    expect(text).toBe('');
  });
});

describe('datasaur-export webhook', () => {
  it('--once: receives a signed delivery from the simulator, downloads the file, exits 0', async () => {
    await withSimulator({ projectPaths: [TOKEN_ZIP] }, async (sim, dir) => {
      let stdout = '';
      let stderr = '';
      let announce: (url: string) => void = () => undefined;
      const listening = new Promise<string>((r) => (announce = r));
      const sink = (append: (s: string) => void) => new Writable({ write: (c, _e, done) => (append(String(c)), done()) });
      const command = runCli(['webhook', '--secret', 'w-secret', '--out', join(dir, 'hooks'), '--once', '--timeout', '20'], {
        stdout: sink((s) => {
          stdout += s;
          const url = /listening on (\S+);/.exec(stdout)?.[1];
          if (url) announce(url);
        }),
        stderr: sink((s) => (stderr += s)),
      });
      const url = await listening;
      // A forged delivery first: rejected, nothing downloaded, the receiver keeps waiting.
      const forged = JSON.stringify({ userId: 1, fileUrl: `${sim.baseUrl}/files/x/evil.zip`, projectId: 'FxTok3n01' });
      const rejected = await fetch(url, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(forged, 'not-the-secret') }, body: forged });
      expect(rejected.status).toBe(401);
      expect(await listFiles(join(dir, 'hooks'))).toEqual([]);
      const client = new DatasaurClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret, pollBackoff: FAST });
      await client.export({ target: { projectIds: ['FxTok3n01'] }, method: 'CUSTOM_WEBHOOK', fileName: 'via-hook', webhook: { url, secret: 'w-secret' }, outDir: join(dir, 'unused'), timeoutMs: 20_000 });
      expect(await command).toBe(0);
      expect(await listFiles(join(dir, 'hooks'))).toEqual(['via-hook.zip']);
      expect(stdout).toContain('downloaded via-hook.zip');
      expect(stderr).toBe('rejected a request: 401 missing or bad X-Datasaur-Signature\n');
    });
  });
});

describe('datasaur-export simulate', () => {
  it('serves on an ephemeral loopback port, answers the token endpoint, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/cli/bin.ts'), 'simulate', '--projects', TOKEN_ZIP, '--client-secret', 'sim-s3cret'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stdout = '';
      const baseUrl = await new Promise<string>((resolveUrl, reject) => {
        // The child compiles the CLI through tsx: on a loaded machine that alone can take tens of seconds.
        const timer = setTimeout(() => reject(new Error(`no banner in time: ${stdout}`)), 50_000);
        child.stdout.on('data', (chunk) => {
          stdout += String(chunk);
          const match = /export DATASAUR_BASE_URL=(\S+)/.exec(stdout);
          if (match && stdout.includes('press Ctrl+C')) {
            clearTimeout(timer);
            resolveUrl(match[1]!);
          }
        });
      });
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(stdout).toContain('FxTok3n01  Fixture token [NER]  (1 document(s), cabinets DOCUMENT-ana_labeler_example_com, REVIEW, ROOT-ana_labeler_example_com)');
      const token = await fetch(`${baseUrl}/api/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=simulator-client&client_secret=sim-s3cret',
      });
      expect(token.status).toBe(200);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
