/**
 * The attachment path: a Jira attachment of 10 MB and of 100 MB emailed through the outbox of the local Forge host,
 * running the bundles Forge's bundler made (build/bench/app-bundle), each invocation in a worker process of its own
 * whose resident memory the host samples. Counts the Graph requests by kind (through graph-counter.ts), the time
 * from "Send" until the queue is idle, the email worker's runs and its peak resident memory. A fresh host per size,
 * so no warm worker process carries the last one's memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startLocalHost } from '../local/host';
import { loadAppManifest } from '../local/host/server/manifest-modules';
import { benchCredential } from './bench-credential';
import { type GraphCallKind, startGraphCounter } from './graph-counter';
import { ROOT } from './peer-app';

export interface AttachmentFigures {
  sizeMiB: number;
  status: string;
  /** The attachment arrived whole (the emulator's stored message has it at full size). */
  delivered: boolean;
  requests: Record<GraphCallKind, number> & { chunkPuts: number; token: number; total: number };
  seconds: number;
  workerRuns: number;
  workerPeakRssMiB: number;
}

const MIB = 1024 * 1024;
const ISSUE_KEY = 'DEMO-5';

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** A resolver call through the host's bridge endpoint, as a Custom UI frame makes it. */
const invoke = async <T>(
  hostUrl: string,
  call: { moduleKey: string; functionKey: string; payload: unknown; issueKey?: string },
): Promise<T> => {
  const response = await fetch(`${hostUrl}/__forge/invoke`, {
    method: 'POST',
    headers: { origin: hostUrl, 'content-type': 'application/json' },
    body: JSON.stringify(call),
  });
  const answer = (await response.json()) as Answer<T>;
  if (!answer.ok) throw new Error(`${call.functionKey} failed: ${JSON.stringify(answer.error)}`);
  return answer.data;
};

const workerFunctionKey = async (): Promise<string> => {
  const manifest = await loadAppManifest(path.join(ROOT, 'manifest.yml'));
  const key = manifest.consumers[0]?.functionKey;
  if (!key) throw new Error('manifest.yml has no queue consumer');
  return key;
};

const measureOne = async (bundleDir: string, sizeMiB: number, worker: string): Promise<AttachmentFigures> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'issue-mailer-bench-attachment-'));
  const host = await startLocalHost({
    port: 0,
    dataDir,
    appCode: { bundleDir },
    isolation: 'process',
    scheduledTriggers: { firstRunDelayMs: 24 * 60 * 60 * 1000 },
    workers: { output: () => undefined },
  });
  const counter = await startGraphCounter(host.microsoft.graphBaseUrl);
  try {
    const credential = benchCredential(host.microsoft.config, host.microsoft.loginBaseUrl, counter.url);
    const saved = await invoke<{ id: string }>(host.url, {
      moduleKey: 'issue-mailer-admin',
      functionKey: 'saveCredential',
      payload: credential.input,
    });
    // The default credential sends what the dialog sends without a From choice.
    await invoke(host.url, {
      moduleKey: 'issue-mailer-admin',
      functionKey: 'setDefaultCredential',
      payload: { id: saved.id },
    });
    const size = sizeMiB * MIB;
    const { id } = host.jira.attachGeneratedFile({
      issueKey: ISSUE_KEY,
      filename: `bench-${sizeMiB}mb.bin`,
      mimeType: 'application/octet-stream',
      size,
      seed: sizeMiB,
    });
    const subject = `[${ISSUE_KEY}] Benchmark attachment ${sizeMiB} MB`;
    host.microsoft.resetCounts();
    counter.reset();
    host.runtime.resetStats();
    const runsBefore = host.queue.status().delivered;

    const started = Date.now();
    const queued = await invoke<{ emailId: string }>(host.url, {
      moduleKey: 'email-this-issue',
      functionKey: 'sendIssueEmail',
      issueKey: ISSUE_KEY,
      payload: {
        to: ['reader@example.com'],
        subject,
        message: 'Sent by npm run bench.',
        attachmentIds: [id],
      },
    });
    await host.queue.whenIdle();
    const seconds = (Date.now() - started) / 1000;

    const entry = await invoke<{ status: string }>(host.url, {
      moduleKey: 'issue-mailer-admin',
      functionKey: 'getEmailLogEntry',
      payload: { emailId: queued.emailId },
    });
    const sent = host.microsoft.sentMessages(credential.mailbox).find((m) => m.message.subject === subject);
    const proxied = counter.counts();
    const emulator = host.microsoft.requestCounts();
    const throughProxy = Object.values(proxied).reduce((a, b) => a + b, 0);
    return {
      sizeMiB,
      status: entry.status,
      delivered: sent?.message.attachments?.[0]?.size === size,
      requests: {
        ...proxied,
        chunkPuts: emulator.graph - throughProxy,
        token: emulator.token,
        total: emulator.graph + emulator.token,
      },
      seconds,
      workerRuns: host.queue.status().delivered - runsBefore,
      workerPeakRssMiB: (host.runtime.memoryPeaks()[worker] ?? Number.NaN) / MIB,
    };
  } finally {
    await counter.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
};

/** One email per size, one after the other. */
export const measureAttachments = async (
  bundleDir: string,
  sizesMiB: readonly number[],
  log: (line: string) => void = console.log,
): Promise<AttachmentFigures[]> => {
  const worker = await workerFunctionKey();
  const figures: AttachmentFigures[] = [];
  for (const sizeMiB of sizesMiB) {
    log(`Attachment of ${sizeMiB} MiB through the outbox ...`);
    figures.push(await measureOne(bundleDir, sizeMiB, worker));
  }
  return figures;
};
