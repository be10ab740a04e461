/**
 * XLSX writer candidates on scenario c's table (id, source, text, topic; AG News rows): each
 * candidate writes the same rows in its own Node process, which prints CPU seconds, wall seconds,
 * peak RSS and the bytes written. Paired in one run, so the ratios hold on a shared machine.
 *
 *   npx tsx bench/xlsx-candidates.ts [rows=100000]
 *
 * Candidates: `exceljs` (its streaming WorkbookWriter, as the XLSX writer used it until this
 * bench), `fflate-1` and `fflate-6` (src/core/formats/table/xlsx-package.ts at deflate level 1 or
 * 6). Not candidates: SheetJS `xlsx` (the npm release is 0.18.5 from 2022, no streaming XLSX write),
 * `xlsx-write-stream` / `xlsx-writestream` (Node streams, little kept).
 */
import { spawnSync } from 'node:child_process';
import { Random } from './generate/random.js';
import { loadRowShapes } from './generate/shapes.js';

const CANDIDATES = ['exceljs', 'fflate-1', 'fflate-6'] as const;
type Candidate = (typeof CANDIDATES)[number];

function table(rows: number): { header: string[]; rows: string[][] } {
  const shapes = loadRowShapes();
  const random = new Random(1);
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = random.pick(shapes.rows);
    const source = /^([A-Za-z. ]{2,24}?) - /.exec(row.text)?.[1] ?? '';
    out.push([String(r + 1), source, row.text, row.label]);
  }
  return { header: ['id', 'source', 'text', 'topic'], rows: out };
}

async function exceljsBytes(sheet: { header: string[]; rows: string[][] }): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false });
  const output = (workbook as unknown as { stream: { read(): Uint8Array | null } }).stream;
  let bytes = 0;
  const drain = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    bytes += output.read()?.length ?? 0;
  };
  const worksheet = workbook.addWorksheet('news.csv', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = worksheet.addRow(sheet.header);
  header.font = { bold: true };
  header.commit();
  for (let r = 0; r < sheet.rows.length; r++) {
    worksheet.addRow(sheet.rows[r]).commit();
    if (r % 2000 === 1999) await drain();
  }
  worksheet.commit();
  await workbook.commit();
  await drain();
  return bytes;
}

async function fflateBytes(sheet: { header: string[]; rows: string[][] }, level: string): Promise<number> {
  const { workbookBytes } = await import('../src/core/formats/table/xlsx-package.js');
  let bytes = 0;
  for await (const chunk of workbookBytes([{ name: 'news.csv', header: sheet.header, rows: sheet.rows }], Number(level) as 1 | 6)) bytes += chunk.length;
  return bytes;
}

async function runOne(candidate: Candidate, rows: number): Promise<void> {
  const sheet = table(rows);
  const startRss = process.resourceUsage().maxRSS;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = candidate === 'exceljs' ? await exceljsBytes(sheet) : await fflateBytes(sheet, candidate.slice(7));
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ candidate, rows, wall, cpu: (cpu.user + cpu.system) / 1e6, startRssMB: startRss / 1024, peakRssMB: process.resourceUsage().maxRSS / 1024, outMB: bytes / 1e6 }));
}

const [mode, arg] = process.argv.slice(2);
if (mode === '--one') {
  const [candidate, rows] = arg.split(':');
  await runOne(candidate as Candidate, Number(rows));
} else {
  const rows = Number(mode ?? 100_000);
  console.log(`candidate   rows     cpu s   wall s  start RSS MB  peak RSS MB  out MB`);
  for (const candidate of CANDIDATES) {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', `${candidate}:${rows}`], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as Record<string, number>;
    console.log(`${candidate.padEnd(10)} ${String(rows).padStart(7)} ${r.cpu.toFixed(2).padStart(8)} ${r.wall.toFixed(2).padStart(8)} ${r.startRssMB.toFixed(0).padStart(13)} ${r.peakRssMB.toFixed(0).padStart(12)} ${r.outMB.toFixed(1).padStart(7)}`);
  }
}
