import { describe, expect, it } from 'vitest';
import { Report } from '../../src/core/report/report.js';
import { MESSAGE_KINDS } from '../../src/core/report/kinds.js';
import { renderReportJson, renderReportText, summarize } from '../../src/core/report/render.js';

describe('the conversion report', () => {
  it('stamps scope context and the kind default severity on each message', () => {
    const report = new Report();
    const scoped = report.scope({ format: 'TSV_IOB', document: 'a.txt', cabinet: 'REVIEW' });
    scoped.add({ kind: 'OverlapDropped', text: 'dropped', labelId: 's4', place: { row: 0, token: 4 } });
    expect(report.all()).toEqual([
      { format: 'TSV_IOB', document: 'a.txt', cabinet: 'REVIEW', kind: 'OverlapDropped', severity: 'warning', text: 'dropped', labelId: 's4', place: { row: 0, token: 4 } },
    ]);
    expect(MESSAGE_KINDS.OverlapDropped.severity).toBe('warning');
  });
  it('says a once-message once per format and document', () => {
    const report = new Report();
    const a = report.scope({ format: 'X', document: 'a' });
    const b = report.scope({ format: 'X', document: 'b' });
    a.once('k', { kind: 'LabelRenamed', text: 'r' });
    a.once('k', { kind: 'LabelRenamed', text: 'r' });
    b.once('k', { kind: 'LabelRenamed', text: 'r' });
    expect(report.count({ kind: 'LabelRenamed' })).toBe(2);
  });
  it('--strict turns warnings into errors in counts and renderings', () => {
    const report = new Report();
    report.add({ kind: 'OverlapDropped', text: 'w' });
    report.add({ kind: 'UnknownField', text: 'i' });
    expect(report.hasErrors(false)).toBe(false);
    expect(report.hasErrors(true)).toBe(true);
    expect(summarize(report.all(), true).bySeverity).toEqual({ error: 1, warning: 0, info: 1 });
    const json = JSON.parse(renderReportJson(report.all(), true));
    expect(json.messages[0].severity).toBe('error');
    expect(json.summary.byKind).toEqual({ OverlapDropped: 1, UnknownField: 1 });
    const text = renderReportText(report.all(), { strict: true });
    expect(text).toMatch(/^error OverlapDropped: w$/m);
    expect(text).toMatch(/report: 1 error\(s\), 0 warning\(s\), 1 info — UnknownField 1, OverlapDropped 1/);
  });
  it('caps printed lines but keeps the counts complete', () => {
    const report = new Report();
    for (let i = 0; i < 5; i++) report.add({ kind: 'SpanWidenedToToken', text: `m${i}` });
    const text = renderReportText(report.all(), { limit: 2 });
    expect(text).toMatch(/… 3 more/);
    expect(text).toMatch(/SpanWidenedToToken 5/);
  });
});

describe('a run report in bounded memory', () => {
  it('keeps at most `keep` messages but counts every one, per kind, severity, format and document', () => {
    const report = new Report({ keep: 3 });
    for (let d = 0; d < 4; d++) {
      const scoped = report.scope({ format: 'TSV_IOB', document: `d${d}` });
      for (let i = 0; i < 1000; i++) scoped.add({ kind: 'OverlapDropped', text: `span ${i}` });
      scoped.add({ kind: 'SpanWidenedToToken', text: 'w' });
    }
    expect(report.all()).toHaveLength(3);
    expect(report.dropped).toBe(4004 - 3);
    expect(report.count()).toBe(4004);
    expect(report.count({ kind: 'OverlapDropped' })).toBe(4000);
    expect(report.count({ kind: 'OverlapDropped', document: 'd2' })).toBe(1000);
    expect(report.count({ severity: 'info', format: 'TSV_IOB' })).toBe(4);
    expect(report.hasErrors(false)).toBe(false);
    expect(report.hasErrors(true)).toBe(true);
    // Repeated messages are one group each: 4 documents x 2 kinds, however many messages.
    expect(report.groups()).toHaveLength(8);
    expect(report.groups()[0]).toEqual({ kind: 'OverlapDropped', severity: 'warning', format: 'TSV_IOB', project: undefined, cabinet: undefined, document: 'd0', count: 1000 });
    expect(report.summary(true)).toEqual({ total: 4004, bySeverity: { error: 4000, warning: 0, info: 4 }, byKind: { SpanWidenedToToken: 4, OverlapDropped: 4000 } });
    // The text rendering counts what was not kept too.
    const text = renderReportText(report, { limit: 2 });
    expect(text).toMatch(/… 4002 more/);
    expect(text).toMatch(/report: 0 error\(s\), 4000 warning\(s\), 4 info — OverlapDropped 4000, SpanWidenedToToken 4/);
  });
  it('counts a document whose name holds a NUL under that name', () => {
    const report = new Report({ keep: 0 });
    report.scope({ document: 'a\u0000b', format: 'CSV' }).add({ kind: 'UnknownField', text: 'x' });
    report.scope({ document: 'a\u0000b', format: 'CSV' }).add({ kind: 'UnknownField', text: 'y' });
    expect(report.count({ document: 'a\u0000b' })).toBe(2);
    expect(report.groups()).toEqual([{ kind: 'UnknownField', severity: 'info', format: 'CSV', project: undefined, cabinet: undefined, document: 'a\u0000b', count: 2 }]);
  });
  it('sends every message to an attached sink, kept or not, until detached', () => {
    const report = new Report({ keep: 1 });
    const seen: string[] = [];
    const detach = report.attach({ write: (m) => seen.push(m.text) });
    report.scope({ document: 'a' }).add({ kind: 'UnknownField', text: 'one' });
    report.add({ kind: 'UnknownField', text: 'two' });
    detach();
    report.add({ kind: 'UnknownField', text: 'three' });
    expect(seen).toEqual(['one', 'two']);
    expect(report.all().map((m) => m.text)).toEqual(['one']);
  });
});
