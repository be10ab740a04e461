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
