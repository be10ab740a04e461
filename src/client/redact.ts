/**
 * Secrets (client secret, access tokens, webhook secret, pre-signed link signatures) must never
 * reach a log line or an error message. Every string the client prints goes through a Redactor that
 * knows the secrets of this run.
 */
export const REDACTED = '[REDACTED]';

/** Query parameters of pre-signed links (S3, GCS, Azure) that grant access on their own. */
const SIGNED_URL_PARAMS = /([?&](?:X-Amz-[A-Za-z-]+|X-Goog-[A-Za-z-]+|Signature|sig|se|sp|sv|token|access_token|Expires|GoogleAccessId|signature)=)[^&#\s"']*/gi;

export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Remember one more secret (e.g. each new access token). Very short values are ignored: redacting "a" would mangle every message. */
  add(secret: string | undefined | null): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    // Longest first so a secret containing another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
    out = out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`);
    out = out.replace(/(Basic\s+)[A-Za-z0-9+/=]+/g, `$1${REDACTED}`);
    return redactUrl(out);
  }
}

/** Hides the signature parts of pre-signed links, keeping host and path so the message stays useful. */
export function redactUrl(text: string): string {
  return text.replace(SIGNED_URL_PARAMS, `$1${REDACTED}`);
}
