/**
 * `-` for standard input and output, as Unix tools take it: `convert -` reads the export from
 * standard input, `--out -` and `--report -` write to standard output.
 */
import { Readable } from 'node:stream';
import { InputError } from '../core/errors.js';
import { streamBytes } from '../core/read/zip-source.js';
import { DEFAULT_LIMITS } from '../core/read/zip-entries.js';
import type { CommandIo } from './command.js';

export const STANDARD_STREAM = '-';

export const isStandardStream = (value: string | undefined): boolean => value === STANDARD_STREAM;

/**
 * Standard input read to its end (a ZIP's directory is at its end), up to `limit` bytes (the
 * archive limit, --max-bytes), for the in-memory API to tell a ZIP or a document from its bytes.
 * A terminal is refused (nobody types an export), and so is nothing at all.
 */
export async function readStandardInput(io: CommandIo, limit: number = DEFAULT_LIMITS.maxTotalBytes): Promise<Uint8Array> {
  const stdin = io.stdin ?? process.stdin;
  if ((stdin as { isTTY?: boolean }).isTTY) {
    throw new InputError('BAD_OPTION', 'the input is "-" (standard input), but standard input is a terminal', {
      where: '<input>',
      expected: 'an export piped in, e.g. `cat export.zip | datasaur-export convert - --to TSV_IOB --out out`',
    });
  }
  const bytes = await streamBytes(Readable.toWeb(Readable.from(stdin)) as ReadableStream<Uint8Array>, limit, 'standard input');
  if (bytes.byteLength === 0) throw new InputError('EMPTY_INPUT', 'standard input is empty', { file: '-', expected: 'an export ZIP or a document piped in' });
  return bytes;
}

/** `--out -` and `--report -` both want standard output: one stream cannot carry both. */
export function checkStandardOutput(out: string | undefined, report: string | undefined): void {
  if (isStandardStream(out) && isStandardStream(report)) {
    throw new InputError('BAD_OPTION', '--out - and --report - both write to standard output, which can carry only one of them', {
      where: '--report',
      hint: 'Write the report to a file (--report report.json), or the outputs to a folder (--out <dir>).',
    });
  }
}

/** Writes bytes or text and waits until the stream has taken them; a reader that went away (EPIPE, `| head`) ends the output quietly. */
export function writeAll(stream: CommandIo['stdout'], data: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error));
    stream.once('error', failed);
    stream.write(data, (error) => {
      stream.off('error', failed);
      if (error) failed(error as NodeJS.ErrnoException);
      else resolve();
    });
  });
}
