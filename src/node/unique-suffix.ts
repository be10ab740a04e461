/**
 * `<pid>-<8 hex digits>`: the part of a temporary name that keeps runs apart. The random bytes come
 * from the Web Crypto global, which Node sets up on first use, so importing the library does not
 * load node:crypto (4-9 ms of the import, issue 12).
 */
export function uniqueSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${process.pid}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
