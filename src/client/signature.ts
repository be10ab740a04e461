/**
 * `X-Datasaur-Signature`: lower-case hex HMAC-SHA256 of the raw request body, keyed with the
 * webhook secret given in the export request (API.md "Delivery methods").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-datasaur-signature';

export function signBody(body: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Constant-time check of a signature header against the raw body. The header's shape (64 hex
 * digits) is checked first: that reveals nothing about the secret, and timingSafeEqual needs equal
 * lengths.
 */
export function verifySignature(body: Uint8Array, header: string | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = header.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}
