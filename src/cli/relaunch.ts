import { spawn } from 'node:child_process';
import { RELAUNCHED, RUNTIME_FLAGS } from './runtime-flags.js';

/**
 * Signals passed on to the child. It runs in its own process group, so a terminal's Ctrl-C reaches
 * this process only and the child gets each signal once: twice would be "Ctrl-C again", which
 * quits without cleaning up (node/interrupt.ts). SIGWINCH keeps a progress bar's width right.
 */
const PASSED_ON = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGWINCH'] as const;

/** Node's exit code for an option it does not know (a V8 flag a later Node dropped); never one of ours. */
const BAD_OPTION = 9;

/**
 * Runs this CLI invocation again in a child process with `RUNTIME_FLAGS` (runtime-flags.ts says
 * why) and the same arguments, Node options, streams and environment; resolves with its exit
 * code, or re-raises the signal that ended it. Resolves `undefined` when the child could not be
 * started, or its Node refused one of the flags (it then ran nothing): the caller then runs the
 * command in this process.
 */
export function relaunch(script: string, args: readonly string[], flags: readonly string[] = RUNTIME_FLAGS): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...flags, ...process.execArgv, script, ...args], {
      // The IPC channel tells the child when this process is gone (stopWithParent).
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: { ...process.env, [RELAUNCHED]: '1' },
    });
    const handlers = [
      ...PASSED_ON.map((signal) => [signal, () => child.kill(signal)] as const),
      // Ctrl-Z stops this process only (the child has its own group): stop the child too, then
      // this process as the terminal asked; `fg` or `bg` continues both.
      ['SIGTSTP', () => (child.kill('SIGSTOP'), process.kill(process.pid, 'SIGSTOP'))] as const,
      ['SIGCONT', () => child.kill('SIGCONT')] as const,
    ];
    const stopPassing = () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
    for (const [signal, handler] of handlers) process.on(signal, handler);
    child.once('error', () => {
      stopPassing();
      resolve(undefined);
    });
    child.once('exit', (code, signal) => {
      stopPassing();
      // Ended by a signal: end the same way, so a shell or a supervisor sees what happened.
      if (signal) process.kill(process.pid, signal);
      else resolve(code === BAD_OPTION ? undefined : (code ?? 1));
    });
  });
}

/**
 * In the relaunched child: when the parent is gone without passing a signal on (SIGKILL, which no
 * process can catch, from a supervisor, a CI timeout or the OOM killer), the job stops as on
 * SIGTERM (what it staged is removed, node/interrupt.ts) instead of running on, unseen, with its
 * own process group. The parent's end of the IPC channel closes with it; the channel is unref'd,
 * so it keeps nothing alive.
 */
export function stopWithParent(): void {
  const channel = process.channel;
  if (!channel) return;
  channel.unref();
  const stop = () => process.kill(process.pid, 'SIGTERM');
  // Gone already (killed while this process was starting): its 'disconnect' was before this listener.
  if (!process.connected) stop();
  else process.once('disconnect', stop);
}
