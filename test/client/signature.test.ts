import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/client/signature.js';

const KNOWN = '0278b1a603de4c561ac0feb960354d0d00e8846b74813d81bddb43ad45bff767';

describe('X-Datasaur-Signature', () => {
  it("reproduces API.md's known value: HMAC-SHA256(key=\"secret\", '{\"body\":\"sample\"}')", () => {
    expect(signBody('{"body":"sample"}', 'secret')).toBe(KNOWN);
    expect(verifySignature(Buffer.from('{"body":"sample"}'), KNOWN, 'secret')).toBe(true);
  });

  it('accepts upper-case hex, rejects other bodies, keys and malformed headers', () => {
    const body = Buffer.from('{"body":"sample"}');
    expect(verifySignature(body, KNOWN.toUpperCase(), 'secret')).toBe(true);
    expect(verifySignature(Buffer.from('{"body": "sample"}'), KNOWN, 'secret')).toBe(false);
    expect(verifySignature(body, KNOWN, 'Secret')).toBe(false);
    expect(verifySignature(body, undefined, 'secret')).toBe(false);
    expect(verifySignature(body, KNOWN.slice(0, 63), 'secret')).toBe(false);
    expect(verifySignature(body, `${KNOWN.slice(0, 63)}g`, 'secret')).toBe(false);
    expect(verifySignature(body, `sha256=${KNOWN}`, 'secret')).toBe(false);
  });
});
