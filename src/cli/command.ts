/** A CLI command: parses its own argv with `parseArgs` and returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIo): Promise<number>;
}

/** Where a command prints; tests pass buffers, the binary passes the process streams. */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Exit codes: 0 ok, 1 conversion finished with errors (or --strict warnings), 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_REPORTED_ERRORS = 1;
export const EXIT_BAD_INPUT = 2;
