import { createHash } from 'node:crypto';

import { generatedSha256 } from '../../local/jira';
import { UPLOAD_CHUNK_BYTES } from '../../src/providers/microsoft/delivery/delivery-plan';
import { data } from './support/answers';
import { type LocalStack, useLocalStack } from './support/local-stack';

let stack: LocalStack;
useLocalStack((started) => {
  stack = started;
});

const SUPPORT = 'support@contoso.onmicrosoft.com';
const SIZE = 20 * 1024 * 1024;
const SEED = 1;
/** generatedSha256(1, 20 MiB), as test/local/jira pins it. */
const SHA256 = 'b748c60f861cb02a3bd97ec6f517da71c0cd831720e4ed2c964e049c21d6193f';

describe('a 20 MiB Jira attachment through the outbox, streamed from the local Jira to the upload session', () => {
  it('arrives byte for byte in the sent message, in 3.75 MiB chunks', async () => {
    await stack.admin('saveCredential', stack.credential());
    const { id } = stack.jira.attachGeneratedFile({
      issueKey: 'DEMO-5',
      filename: 'capture.pcap',
      mimeType: 'application/vnd.tcpdump.pcap',
      size: SIZE,
      seed: SEED,
    });
    expect(generatedSha256(SEED, SIZE)).toBe(SHA256);
    stack.microsoft.resetCounts();

    const queued = data<{ emailId: string; status: string }>(
      await stack.issueAction(
        'sendIssueEmail',
        { to: ['reader@example.com'], subject: '[DEMO-5] Capture', message: 'The capture.', attachmentIds: [id] },
        'DEMO-5',
      ),
    );
    expect(queued.status).toBe('queued');
    await stack.outboxIdle();

    const entry = data<{ status: string; attempts: number }>(
      await stack.admin('getEmailLogEntry', { emailId: queued.emailId }),
    );
    expect(entry).toMatchObject({ status: 'sent', attempts: 1 });
    // One token; draft, upload session, six PUTs (five full chunks and the rest), send.
    expect(Math.ceil(SIZE / UPLOAD_CHUNK_BYTES)).toBe(6);
    expect(stack.microsoft.requestCounts()).toEqual({ token: 1, graph: 9 });
    const sent = stack.microsoft
      .sentMessages(SUPPORT)
      .find((message) => message.message.subject === '[DEMO-5] Capture');
    const attachments = sent?.message.attachments ?? [];
    expect(attachments.map(({ name, contentType, size }) => ({ name, contentType, size }))).toEqual([
      { name: 'capture.pcap', contentType: 'application/vnd.tcpdump.pcap', size: SIZE },
    ]);
    const bytes = Buffer.from(attachments[0]?.contentBytes ?? '', 'base64');
    expect(bytes.length).toBe(SIZE);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SHA256);
  });
});
