import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parse, stringify } from 'yaml';

import { type LocalHost, startLocalHost } from '../../local/host';
import { generatedSha256 } from '../../local/jira';
import { BUNDLED_APP } from './support/bundled-app';
import { invokeFunction, unwrap } from './support/forge-invoke';

/**
 * A 150 MB Jira attachment emailed through the local host, the email worker in a worker process of its own (as a
 * Forge container) whose resident memory the host measures: the attachment streams from Jira to the Graph upload
 * session a chunk at a time, so the worker stays far below Forge's default 512 MB; with `memoryMB: 128` it is
 * stopped with Forge's out-of-memory error, and the queue retries it as FUNCTION_OUT_OF_MEMORY.
 */
jest.setTimeout(300_000);

const MIB = 1024 * 1024;
const SIZE = 150 * MIB;
const SEED = 150;
const SUPPORT = 'support@contoso.onmicrosoft.com';
const ROOT = path.resolve(__dirname, '../..');

interface Run {
  host: LocalHost;
  logs: string[];
  close: () => Promise<void>;
}

const startRun = async (manifestPath?: string): Promise<Run> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'issue-mailer-memory-'));
  const logs: string[] = [];
  const host = await startLocalHost({
    port: 0,
    dataDir,
    appCode: BUNDLED_APP,
    isolation: 'process',
    scheduledTriggers: { firstRunDelayMs: 24 * 60 * 60 * 1000 },
    workers: { output: () => undefined },
    ...(manifestPath ? { app: { manifestPath } } : {}),
    log: (line) => logs.push(line),
  });
  return {
    host,
    logs,
    close: async () => {
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** Attaches the generated 150 MB file to DEMO-5 and queues it to a reader, as the dialog's Send does. */
const sendLargeAttachment = async (host: LocalHost, subject: string): Promise<string> => {
  const { id } = host.jira.attachGeneratedFile({
    issueKey: 'DEMO-5',
    filename: 'disk-image.bin',
    mimeType: 'application/octet-stream',
    size: SIZE,
    seed: SEED,
  });
  const queued = unwrap(
    await invokeFunction<{ emailId: string; status: string }>(host.url, {
      moduleKey: 'email-this-issue',
      functionKey: 'sendIssueEmail',
      issueKey: 'DEMO-5',
      payload: { to: ['reader@example.com'], subject, message: 'The disk image.', attachmentIds: [id] },
    }),
    'sendIssueEmail',
  );
  expect(queued.status).toBe('queued');
  return queued.emailId;
};

const until = async (condition: () => boolean, what: string, timeoutMs = 240_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('a 150 MB attachment within the worker memory Forge gives', () => {
  let run: Run | undefined;

  afterEach(async () => {
    await run?.close();
    run = undefined;
  });

  it('goes out byte for byte while the email worker stays under 256 MiB of resident memory', async () => {
    run = await startRun();
    const { host } = run;
    host.runtime.resetStats();
    const emailId = await sendLargeAttachment(host, '[DEMO-5] Disk image');
    await host.queue.whenIdle();

    const entry = unwrap(
      await invokeFunction<{ status: string }>(host.url, {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'getEmailLogEntry',
        payload: { emailId },
      }),
      'getEmailLogEntry',
    );
    expect(entry.status).toBe('sent');
    const sent = host.microsoft
      .sentMessages(SUPPORT)
      .find((message) => message.message.subject === '[DEMO-5] Disk image');
    const attachment = sent?.message.attachments?.[0];
    expect(attachment).toMatchObject({ name: 'disk-image.bin', size: SIZE });
    const bytes = Buffer.from(attachment?.contentBytes ?? '', 'base64');
    expect(bytes.length).toBe(SIZE);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(generatedSha256(SEED, SIZE));

    const peak = host.runtime.memoryPeaks()['email-worker'];
    expect(peak).toBeDefined();
    console.log(
      `email-worker peak resident memory with a 150 MB attachment: ${((peak ?? 0) / MIB).toFixed(1)} MiB (limit of this test: 256 MiB; Forge's default: 512 MB)`,
    );
    expect(peak).toBeLessThan(256 * MIB);
  });

  it("stops the worker with Forge's out-of-memory error when the function has memoryMB: 128, and the queue retries it as such", async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'issue-mailer-manifest-'));
    try {
      const manifest = parse(await readFile(path.join(ROOT, 'manifest.yml'), 'utf8')) as {
        modules: { function: Array<Record<string, unknown>> };
      };
      const worker = manifest.modules.function.find((fn) => fn.key === 'email-worker');
      if (!worker) throw new Error('manifest.yml has no email-worker function');
      worker.runtime = { memoryMB: 128 };
      const manifestPath = path.join(scratch, 'manifest.yml');
      await writeFile(manifestPath, stringify(manifest));
      run = await startRun(manifestPath);
      const { host, logs } = run;

      await sendLargeAttachment(host, '[DEMO-5] Disk image, small worker');
      const retried =
        /^Queue email-outbox: event \S+ \(job \S+\) failed \(FunctionOutOfMemoryError FUNCTION_OUT_OF_MEMORY\); retry 1 of 4 in 1 s\.$/;
      await until(() => logs.some((line) => retried.test(line)), 'the out-of-memory retry');

      const peak = host.runtime.memoryPeaks()['email-worker'];
      console.log(`email-worker stopped at ${((peak ?? 0) / MIB).toFixed(1)} MiB with memoryMB: 128`);
      expect(
        host.microsoft
          .sentMessages(SUPPORT)
          .filter((message) => message.message.subject === '[DEMO-5] Disk image, small worker'),
      ).toHaveLength(0);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
