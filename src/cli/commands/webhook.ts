/**
 * `datasaur-export webhook`: a receiver for CUSTOM_WEBHOOK exports. It verifies each delivery's
 * signature before reading it, then downloads the delivered file into --out.
 */
import { basename, join } from 'node:path';
import { DEFAULT_BACKOFF, Deadline } from '../../client/backoff.js';
import { DEFAULT_NOT_READY_BACKOFF, downloadToFile } from '../../client/download.js';
import { downloadName } from '../../client/export.js';
import { defaultHttpSettings } from '../../client/http.js';
import { Redactor } from '../../client/redact.js';
import { startWebhookReceiver, type WebhookPayload } from '../../client/webhook.js';
import { InputError, isInputError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { EXIT_OK, EXIT_REPORTED_ERRORS } from '../command.js';
import { formatBytes } from '../progress.js';

export const webhookCommand: Command = {
  name: 'webhook',
  summary: 'receive CUSTOM_WEBHOOK deliveries (signature checked) and download the exported files',
  notes: 'Each delivery\'s signature is checked before its body is read; the file is then downloaded into --out. Runs until Ctrl+C (or --once).',
  async run(args, io) {
    const { str, num, flag } = args;
    const secret = str('secret');
    if (!secret) throw new InputError('BAD_OPTION', 'no webhook secret', { where: '--secret', hint: 'Use the secret you pass with the export request (or set DATASAUR_WEBHOOK_SECRET).' });
    const out = str('out')!;
    const port = num('port')!;
    const timeoutMs = num('timeout')! * 1000;
    const http = { ...defaultHttpSettings(new Redactor([secret])), retry: { maxAttempts: 5, backoff: DEFAULT_BACKOFF, maxRetryAfterMs: 60_000 } };

    let failures = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const downloads: Promise<void>[] = [];
    const receive = async (payload: WebhookPayload): Promise<void> => {
      const deadline = new Deadline(timeoutMs, () => `download for project ${payload.projectId ?? '?'}`);
      try {
        const name = downloadName(payload.fileUrl, { fileName: `export-${payload.projectId ?? 'unknown'}`, target: payload.documentId ? { documentId: payload.documentId } : { projectIds: [] } });
        const file = await downloadToFile(payload.fileUrl, join(out, name), { http, notReadyBackoff: DEFAULT_NOT_READY_BACKOFF, signal: deadline.signal });
        io.stdout.write(`downloaded ${basename(file.path)} (${formatBytes(file.bytes)}) for project ${payload.projectId ?? '?'}${payload.documentId ? `, document ${payload.documentId}` : ''} to ${out}\n`);
      } catch (error) {
        failures++;
        io.stderr.write(`${isInputError(error) ? error.toUserMessage() : `error: ${(error as Error).message}`}\n`);
      } finally {
        deadline.dispose();
      }
    };
    const receiver = await startWebhookReceiver({
      secret,
      port,
      host: str('host'),
      maxBodyBytes: num('maxBody'),
      onRejected: (status, reason) => io.stderr.write(`rejected a request: ${status} ${reason}\n`),
      onReplay: (payload, firstAt) =>
        io.stderr.write(`ignored a replayed delivery for project ${payload.projectId ?? '?'}: the same signed body arrived at ${firstAt.toISOString()}; nothing downloaded again\n`),
      onDelivery: (payload) => {
        const download = receive(payload);
        downloads.push(download);
        if (flag('once')) void download.then(finish);
      },
    });
    io.stdout.write(`webhook receiver listening on ${receiver.url}; press Ctrl+C to stop\n`);
    const stop = (): void => finish();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await finished;
      await Promise.all(downloads);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await receiver.close();
    }
    return failures ? EXIT_REPORTED_ERRORS : EXIT_OK;
  },
};
