/**
 * UTF-8 bytes to text, the way every input is decoded: a byte order mark is kept (the readers see
 * it and the round trip keeps it) and invalid sequences become U+FFFD, as Node's `Buffer` did.
 */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
