/**
 * Finds the offset of the first JSON syntax error. Only used after JSON.parse failed: Node 20's
 * messages do not always carry a position ("Unexpected token 'h', … is not valid JSON"), and a
 * user needs the line and column. Returns `text.length` when the text simply ends too early.
 */
export function firstSyntaxError(text: string): { offset: number; truncated: boolean } {
  let i = 0;
  const fail = (truncated = i >= text.length): never => {
    throw { offset: Math.min(i, text.length), truncated };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (i >= text.length) fail(true);
      if (text[i] !== ch) fail(false);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (true) {
      if (i >= text.length) fail(true);
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch === '\\') {
        i++;
        if (i >= text.length) fail(true);
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k >= text.length);
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i])) i++;
        else fail(false);
      } else if (ch < ' ') fail(false);
      else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-' || match[0] === '') fail();
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    if (i >= text.length) fail(true);
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      while (true) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      while (true) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail(false);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(false);
    return { offset: text.length, truncated: false };
  } catch (error) {
    return error as { offset: number; truncated: boolean };
  }
}
