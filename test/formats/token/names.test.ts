import { describe, expect, it } from 'vitest';
import { LabelNamer, azureLabel, comprehendType, replaceLineBreaks, vertexEntityLabel, vertexLabel } from '../../../src/core/formats/token/names.js';
import { Report } from '../../../src/core/report/report.js';

describe('target naming rules', () => {
  it('Comprehend: upper case, runs of other characters → _, trimmed, accents dropped', () => {
    expect(comprehendType('Time of day')).toBe('TIME_OF_DAY');
    expect(comprehendType('  café--au lait! ')).toBe('CAFE_AU_LAIT');
    expect(comprehendType('Paraphrasing\u200b')).toBe('PARAPHRASING');
    expect(comprehendType('日本')).toBe('');
    expect(comprehendType('a'.repeat(70))).toBe('A'.repeat(64));
  });
  it('Vertex: A-Za-z0-9_ kept; entity labels 2–30 characters', () => {
    expect(vertexLabel('Food & Drink')).toBe('Food_Drink');
    expect(vertexLabel('snake_case ok')).toBe('snake_case_ok');
    expect(vertexEntityLabel('B')).toBe('B_');
    expect(vertexEntityLabel('x'.repeat(40))).toBe('x'.repeat(30));
  });
  it('Azure: whitespace runs → _; TSV: tab/CR/LF → space', () => {
    expect(azureLabel('Interaction  Greeting\t')).toBe('Interaction_Greeting_');
    expect(replaceLineBreaks('a\tb\r\nc')).toBe('a b  c');
  });
  it('LabelNamer: collisions get suffixes within the length limit, empties a fallback, each rename reported once', () => {
    const report = new Report();
    const namer = new LabelNamer(vertexEntityLabel, 'label_', 'Vertex', 30);
    const long = 'y'.repeat(35);
    expect(namer.name(long, report)).toBe('y'.repeat(30));
    expect(namer.name(long + 'z', report)).toBe('y'.repeat(28) + '_2');
    expect(namer.name('日本', report)).toBe('label_1');
    expect(namer.name('中文', report)).toBe('label_2');
    expect(namer.name('ok_name', report)).toBe('ok_name');
    expect(namer.name(long, report)).toBe('y'.repeat(30));
    expect(report.all().map((m) => m.label)).toEqual([long, long + 'z', '日本', '中文']);
  });
});
