import { inspectInput, type DocumentCounts } from '../../node/inspect.js';
import { renderReportText } from '../../core/report/render.js';
import type { Command } from '../command.js';
import { WorkProgress } from '../progress.js';
import { isStandardStream, readStandardInput } from '../standard-streams.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show projects, kinds, cabinets, documents and label counts of an export',
  arguments: ['<input>'],
  notes: 'The input is an export ZIP, an unpacked export folder or one document file; `-` reads it from standard input.',
  async run(args, io) {
    const progress = WorkProgress.on(io, 'reading', args.flag('quiet'));
    const input = args.positionals[0]!;
    const result = await inspectInput(isStandardStream(input) ? await readStandardInput(io) : input, {
      inputFormat: args.str('inputFormat'),
      onDocument: (done, total, ref) => progress.update(done, total, ref.inputBytes ?? 0),
    }).finally(() => progress.stop());
    const problems = result.report.all();
    if (args.flag('json')) {
      io.stdout.write(JSON.stringify({ input: result.input, type: result.type, projects: result.projects, problems }, null, 2) + '\n');
      return problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    const out: string[] = [`${result.input} (${result.type})`];
    for (const p of result.projects) {
      const docs = new Set(p.documents.map((d) => d.name));
      out.push(`project "${p.name}" id ${p.id} [${p.kinds.join(', ')}]: ${docs.size} document(s) × ${p.cabinets.length} cabinet(s) (${p.cabinets.join(', ')})`);
      out.push(`  ${'cabinet'.padEnd(28)} ${'document'.padEnd(40)} ${'rows'.padStart(6)} ${'tokens'.padStart(7)} spans by label set   arrows stamps answers boxes`);
      out.push(...readAsLines(p.documents));
      for (const d of p.documents) out.push(`  ${line(d)}`);
      const total = p.documents.reduce((s, d) => s + d.spans, 0);
      out.push(`  total: ${p.documents.length} document copies, ${total} spans, ${p.documents.reduce((s, d) => s + d.arrows, 0)} arrows, ${p.documents.reduce((s, d) => s + d.timestamps, 0)} timestamps, ${p.documents.reduce((s, d) => s + d.rowAnswers + d.documentAnswers + d.boxAnswers, 0)} answers, ${p.documents.reduce((s, d) => s + d.boundingBoxes, 0)} boxes`);
      const byQuestion = boxAnswerTotals(p.documents);
      if (byQuestion) out.push(`  box answers by class question: ${byQuestion}`);
    }
    io.stdout.write(out.join('\n') + '\n');
    io.stdout.write(problems.length ? `problems:\n${renderReportText(problems)}` : 'problems: none\n');
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

/**
 * What the files were read as and why: one line when every document of the project was read the
 * same way (a server export), else one per document.
 */
function readAsLines(documents: readonly DocumentCounts[]): string[] {
  const title = (r: NonNullable<DocumentCounts['readAs']>) => (r.layout ? `${r.format} (${r.layout})` : r.format);
  const read = documents.filter((d) => d.readAs);
  if (read.length === 0) return [];
  const ways = new Set(read.map((d) => `${title(d.readAs!)}: ${d.readAs!.because}`));
  if (ways.size === 1 && read.length > 1) return [`  read as ${[...ways][0]}`];
  return read.map((d) => `  read ${d.name} as ${title(d.readAs!)}: ${d.readAs!.because}; ${d.readAs!.summary}`);
}

/** `total › Currency 2, total › Note 1, …` over the documents; undefined when no class has questions. */
function boxAnswerTotals(documents: readonly DocumentCounts[]): string | undefined {
  const totals = new Map<string, number>();
  for (const d of documents) for (const [key, n] of Object.entries(d.boxAnswersByQuestion)) totals.set(key, (totals.get(key) ?? 0) + n);
  return totals.size ? [...totals].map(([key, n]) => `${key} ${n}`).join(', ') : undefined;
}

function line(d: DocumentCounts): string {
  const bySet = Object.entries(d.spansByLabelSet).map(([set, n]) => `${set}:${n}`).join(' ') || '-';
  return `${d.cabinet.padEnd(28)} ${d.name.padEnd(40)} ${String(d.rows).padStart(6)} ${String(d.tokens).padStart(7)} ${bySet.padEnd(20)} ${String(d.arrows).padStart(6)} ${String(d.timestamps).padStart(6)} ${String(d.rowAnswers + d.documentAnswers + d.boxAnswers).padStart(7)} ${String(d.boundingBoxes).padStart(5)}`;
}
