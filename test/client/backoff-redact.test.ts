import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/client/backoff.js';
import { downloadName } from '../../src/client/export.js';
import { Redactor, redactUrl } from '../../src/client/redact.js';

describe('backoff', () => {
  const options = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 };
  it('grows exponentially up to the ceiling; jitter stays within [delay·(1−j), delay]', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, options, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, options, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, options);
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('redaction', () => {
  it('hides known secrets, bearer and basic credentials and pre-signed link signatures', () => {
    const redactor = new Redactor(['s3cr3t-value', undefined, 'ab']);
    expect(redactor.redact('client_secret=s3cr3t-value&x=ab')).toBe('client_secret=[REDACTED]&x=ab');
    expect(redactor.redact('Authorization: Basic dXNlcjpwYXNz')).toBe('Authorization: Basic [REDACTED]');
    expect(redactUrl('https://b.s3.amazonaws.com/k.zip?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=abc123&partNumber=1')).toBe(
      'https://b.s3.amazonaws.com/k.zip?X-Amz-Credential=[REDACTED]&X-Amz-Signature=[REDACTED]&partNumber=1',
    );
    expect(redactUrl('https://x.blob.core.windows.net/c/f.zip?sv=2020&se=2026&sig=Zm9v')).toBe('https://x.blob.core.windows.net/c/f.zip?sv=[REDACTED]&se=[REDACTED]&sig=[REDACTED]');
  });
});

describe('download file name', () => {
  it("uses the link's last path segment, made safe, else the requested name", () => {
    expect(downloadName('https://h/exports/abc/my%20export.zip?sig=1', { fileName: 'f', target: { projectIds: ['p'] } })).toBe('my export.zip');
    expect(downloadName('https://h/x/..%2F..%2Fetc%2Fpasswd', { fileName: 'f', target: { projectIds: ['p'] } })).toBe('_.._etc_passwd');
    expect(downloadName('https://h/', { fileName: 'f', target: { projectIds: ['p'] } })).toBe('f.zip');
    expect(downloadName('https://h/', { fileName: 'f', target: { documentId: 'd' } })).toBe('f.json');
    expect(downloadName(`https://h/${'n'.repeat(400)}.zip?sig=1`, { fileName: 'f', target: { projectIds: ['p'] } })).toMatch(/^n{187}~[0-9a-f]{8}\.zip$/);
  });
});
