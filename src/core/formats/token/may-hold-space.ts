/**
 * False when every character is printable ASCII other than a space: then no `\s` is in it. A loop
 * before the regular expression: tokens are short and nearly all are such, and a regular
 * expression call per token cost more (CONLL_2003, AZURE_AUTOML_CSV).
 */
export function mayHoldSpace(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return true;
  }
  return false;
}
