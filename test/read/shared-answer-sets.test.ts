import { describe, expect, it } from 'vitest';
import { SharedAnswerSets } from '../../src/core/read/shared-answer-sets.js';

describe('shared answer sets: a row document record with identical flat sets held once', () => {
  it('shares flat sets with the same keys, values and key order, across batches', () => {
    const sets = new SharedAnswerSets();
    sets.add(JSON.parse('{"0":{"1":"x","2":true},"1":{"1":"x","2":true},"2":{"b":true,"a":"x"},"3":{"1":"x","2":"true"}}') as Record<string, unknown>);
    sets.add(JSON.parse('{"4":{"1":"x","2":true},"9":{"a":"x","b":true},"10":{"b":true,"a":"x"},"5":{},"6":{},"7":{"1":null},"8":{"1":null}}') as Record<string, unknown>);
    const r = sets.record;
    expect(r['1']).toBe(r['0']);
    expect(r['4']).toBe(r['0']);
    // Key order is part of the value (`{"b":…,"a":…}` is written in that order).
    expect(r['10']).toBe(r['2']);
    expect(r['9']).not.toBe(r['2']);
    expect(r['3']).not.toBe(r['0']);
    expect(r['6']).toBe(r['5']);
    expect(r['8']).toBe(r['7']);
    expect(r).toEqual({ 0: { 1: 'x', 2: true }, 1: { 1: 'x', 2: true }, 2: { b: true, a: 'x' }, 3: { 1: 'x', 2: 'true' }, 4: { 1: 'x', 2: true }, 5: {}, 6: {}, 7: { 1: null }, 8: { 1: null }, 9: { a: 'x', b: true }, 10: { b: true, a: 'x' } });
  });

  it('keeps sets with numbers, arrays or nested values as parsed', () => {
    const sets = new SharedAnswerSets();
    const text = (v: string) => `{"0":${v},"1":${v}}`;
    for (const v of ['{"1":1}', '{"1":["a"]}', '{"1":{"a":"b"}}', '["a"]', '"a"']) {
      sets.add(JSON.parse(text(v)) as Record<string, unknown>);
      if (v.startsWith('{') || v.startsWith('[')) expect(sets.record['1'], v).not.toBe(sets.record['0']);
    }
  });

  it('holds at most 4096 distinct sets for sharing; later ones are kept as parsed', () => {
    const sets = new SharedAnswerSets();
    const part: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) part[String(i)] = { 1: `label ${i}` };
    sets.add(part);
    sets.add({ a: { 1: 'label 1' }, b: { 1: 'label 4500' } });
    expect(sets.record.a).toBe(part['1']);
    expect(sets.record.b).not.toBe(part['4500']);
    expect(sets.record.b).toEqual({ 1: 'label 4500' });
  });
});
