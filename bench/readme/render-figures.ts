/** The README's figures (section "Benchmarks"), rendered from the bench's results file only. */
import type { BundleSizes } from '../forge-functions';
import type { BenchResults } from '../results';
import { kib, mib, msSpread, num, table, times } from './format';

const when = (results: BenchResults): string => {
  const { machine } = results;
  const date = results.date.slice(0, 10);
  const time = results.date.slice(11, 16);
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  return (
    `Measured with \`npm run bench\` on ${date} at ${time} UTC, in ${num(results.durationSeconds)} s after the build, on ` +
    `${machine.cpus} × ${machine.cpuModel}, ${num(machine.memoryGiB, 1)} GiB, Node ${machine.node} (${machine.platform}). ` +
    `Load average (1 / 5 / 15 min) ${load(machine.loadAverageAtStart)} at the start and ${load(machine.loadAverageAtEnd)} ` +
    `at the end: the machine was shared with other work, so absolute times are higher than on an idle one; the ` +
    `ratios, measured interleaved in the same run, are the figures to compare. Raw figures: \`bench/results/latest.json\`.`
  );
};

const sizeCells = (sizes: BundleSizes): string[] => [
  kib(sizes.start.bytes),
  kib(sizes.start.gzipBytes),
  sizes.loadable.files.length > 1
    ? `${kib(sizes.loadable.bytes)} (${sizes.loadable.files.length - 1} chunks)`
    : 'no chunks',
];

const functionsTable = (results: BenchResults): string => {
  const { forgeFunctions: forge } = results;
  const peer = forge.peer;
  return [
    `**Forge functions**: every function of \`manifest.yml\` as Forge's own bundler builds it (${forge.bundler}: ` +
      `webpack through \`local/tools/forge-bundle.ts\`, as \`forge deploy\` and \`npm run bundle\` do; not ` +
      `minified), beside the peer a Forge developer would otherwise write: a minimal sender on \`@azure/msal-node\` ` +
      `and \`@microsoft/microsoft-graph-client\` (\`bench/peer/peer-sender.ts\`), bundled by the same tool as a ` +
      `one-function app. Size is the handler file's \`.cjs\`, what a cold start loads; "with lazy chunks" adds every ` +
      `chunk file it can load later with \`import()\`; source maps are not counted. Load is a fresh ` +
      `\`node -e "require(bundle)"\` minus a bare \`node\` of the same round, ${forge.rounds} rounds, every ` +
      `bundle and the bare node once per round in a shuffled order: median (p25–p75). RSS is the resident memory ` +
      `loading added (median). Functions that share a handler file share its bundle and its measurement.`,
    '',
    table(
      [
        'Function',
        'Bundle',
        'Size',
        'gzip',
        'With lazy chunks',
        'Size / peer',
        'gzip / peer',
        'Load over bare node',
        'Load / peer',
        'RSS added',
      ],
      [
        [
          `peer (\`${peer.functionKey}\`)`,
          `\`${peer.bundle}\``,
          ...sizeCells(peer),
          '1.00x',
          '1.00x',
          msSpread(peer.load.overBareMs),
          '1.00x',
          mib(peer.load.rssAddedMiB.median),
        ],
        ...forge.functions.map((f) => [
          `\`${f.functionKey}\``,
          `\`${f.bundle}\``,
          ...sizeCells(f),
          times(f.ratios.bytes),
          times(f.ratios.gzipBytes),
          msSpread(f.load.overBareMs),
          times(f.ratios.load),
          mib(f.load.rssAddedMiB.median),
        ]),
      ],
    ),
    '',
    `A bare \`node\` start took ${msSpread(forge.bareNodeMs)}.`,
  ].join('\n');
};

const attachmentsTable = (results: BenchResults): string =>
  [
    `**Attachment path**: one email per size with a Jira attachment of that size, through the local host running ` +
      `the bundled app, each invocation in a worker process of its own (a fresh host per size), against the Graph ` +
      `emulator. Graph requests by kind (draft, upload session, chunk PUTs of at most 4 MiB, send, anything else), ` +
      `token requests, the time from "Send" until the queue was idle, the email worker's runs and its peak resident ` +
      `memory (Forge gives a function 512 MB unless \`memoryMB\` says otherwise).`,
    '',
    table(
      [
        'Attachment',
        'Status',
        'Draft',
        'Upload session',
        'Chunk PUTs',
        'Send',
        'Other',
        'Token',
        'Time',
        'Worker runs',
        'Worker peak RSS',
      ],
      results.attachments.map((a) => [
        `${num(a.sizeMiB)} MiB`,
        a.delivered ? a.status : `${a.status} (not delivered whole)`,
        num(a.requests.draft),
        num(a.requests.uploadSession),
        num(a.requests.chunkPuts),
        num(a.requests.send),
        num(a.requests.other + a.requests.attachment),
        num(a.requests.token),
        `${num(a.seconds, 1)} s`,
        num(a.workerRuns),
        mib(a.workerPeakRssMiB),
      ]),
    ),
  ].join('\n');

const callsTable = (results: BenchResults): string => {
  const c = results.callsPerEmail;
  const mmm = (f: { min: number; mean: number; max: number }) => `${num(f.min)} / ${num(f.mean, 2)} / ${num(f.max)}`;
  const outcomes = Object.entries(c.workerOutcomes)
    .map(([outcome, count]) => `${outcome} ${num(count)}`)
    .join(', ');
  return [
    `**Calls per email**: ${num(c.emails)} issue emails through the outbox queue, the bundled functions, every ` +
      `"Send" and every worker run a fresh process as Forge invocations are, against one kvs file, one queue file ` +
      `and the Microsoft emulator with Exchange's limits on (min / mean / max per email). The "Send"s are made one ` +
      `after another, ` +
      (c.maxSendsIn60s < Math.floor(60_000 / results.scaleInputs.slotSpacingMs)
        ? `and came slower than the outbox's pace here (at most ${num(c.maxSendsIn60s)} sent in a minute), so few ` +
          `jobs had to wait for a sending slot. `
        : `faster than the outbox's pace, so jobs queued up and waited for their sending slots. `) +
      `Worker runs by outcome: ${outcomes}.`,
    '',
    table(
      [
        'Emails',
        'Sent (log / emulator)',
        'Token requests',
        'Graph requests per email',
        'Worker runs per email',
        'kvs operations per email',
        'Of which "Send"',
        'Most sends in any 60 s',
        'Exchange limit refusals',
        'Time',
      ],
      [
        [
          num(c.emails),
          `${num(c.delivered)} / ${num(c.sentByEmulator)}`,
          num(c.tokenRequests),
          num(c.graphRequestsPerEmail, 2),
          mmm(c.workerInvocationsPerEmail),
          mmm(c.kvsOperationsPerEmail),
          mmm(c.sendKvsOperationsPerEmail),
          num(c.maxSendsIn60s),
          num(c.limitRefusals.concurrency + c.limitRefusals.messageRate),
          `${num(c.wallSeconds)} s`,
        ],
      ],
    ),
  ].join('\n');
};

const coldCallsTable = (results: BenchResults): string => {
  const calls = results.callsPerEmail.coldCalls;
  return [
    `**Cold invocations**: what a person waits for when Forge starts a fresh container, measured on the local host ` +
      `with the bundled app, each invocation a fresh process: the bundle's load, then the call itself with every ` +
      `chunk it loads on first use (the admin page's section, the dialog's parts, the template engine, ` +
      `@forge/events), the local kvs and the emulators; process start-up is not in it, Forge's own overheads and ` +
      `network are not either. The host's child process loads bundles and chunks through tsx (its TypeScript ` +
      `loader, source maps on), which here adds about 20 ms to requiring the worker's bundle (15 ms in a bare ` +
      `node, 35 ms with tsx) and more to big chunks: compare these rows with one another, not with the load ` +
      `figures above. Opening the admin page and the dialog and following an email are ` +
      `${num(calls[0]?.totalMs.samples ?? 0)} interleaved rounds; "send" and "deliver" are the "Send"s and worker ` +
      `runs of the calls-per-email run above. Median (p25–p75).`,
    '',
    table(
      ['Call', 'Function', 'Invocations', 'Load', 'Call itself', 'Load and call'],
      calls.map((c) => [
        c.call,
        `\`${c.functionKey}\``,
        c.failures > 0 ? `${num(c.totalMs.samples)} (${num(c.failures)} failed)` : num(c.totalMs.samples),
        msSpread(c.loadMs),
        msSpread(c.callMs),
        msSpread(c.totalMs),
      ]),
    ),
  ].join('\n');
};

const uiTable = (results: BenchResults): string =>
  [
    "**Custom UI** (`static/<app>/dist`, every file; the apps run on Preact's React compat layer):",
    '',
    table(
      ['App', 'JavaScript', 'gzip', 'CSS', 'gzip'],
      results.customUi.map((u) => [u.app, kib(u.jsBytes), kib(u.jsGzipBytes), kib(u.cssBytes), kib(u.cssGzipBytes)]),
    ),
  ].join('\n');

export const renderFigures = (results: BenchResults): string =>
  [
    when(results),
    functionsTable(results),
    attachmentsTable(results),
    callsTable(results),
    coldCallsTable(results),
    uiTable(results),
  ].join('\n\n');
