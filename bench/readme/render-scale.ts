/** The README's "Scale" figures, computed from the bench's results file by scale-model.ts. */
import type { BenchResults } from '../results';
import { num, percent, table } from './format';
import { DIALOG_CALLS_PER_EMAIL, EXCHANGE_LIMITS, type MinuteLimit, scaleModel, SITE, SOURCES } from './scale-model';

/** The even day's first wall: a Forge limit already passed, else Exchange's recipients. */
const evenDayWall = (nearest: { limit: MinuteLimit; share: number }, recipientsPerEmail: number): string => {
  const recipients = `Exchange's recipients, once emails average more than ${num(recipientsPerEmail, 1)} recipients.`;
  if (nearest.share >= 1)
    return `Over an even day, the first wall is ${nearest.limit.wall} (${percent(nearest.share)}).`;
  const closeness = nearest.share < 0.5 ? 'no Forge limit is close (the nearest' : 'the nearest Forge limit';
  return (
    `Over an even day, ${closeness}, ${nearest.limit.wall}, is at ${percent(nearest.share)}` +
    `${nearest.share < 0.5 ? ')' : ''}: the first wall is ${recipients}`
  );
};

export const renderScale = (results: BenchResults): string => {
  const m = scaleModel(results);
  const { emailsPerDay, mailboxes } = SITE;
  const scheduledKeys = Object.keys(results.scaleInputs.scheduledRunsPerDay).map((k) => `\`${k}\``);
  const use = (emailsPerMinute: number, limit: MinuteLimit) => {
    const used = emailsPerMinute * limit.perEmail;
    return `${num(used)} (${percent(used / limit.ceiling)})`;
  };
  const evenDay = m.minuteLimits
    .filter((limit) => limit.platform === 'forge')
    .map((limit) => ({
      limit,
      share: (m.averageEmailsPerMinute * limit.perEmail) / limit.ceiling,
    }));
  const busiestForge = evenDay.reduce((a, b) => (b.share > a.share ? b : a));
  const peakPasses = m.peakEmailsPerMinute > m.firstMinuteWall.emailsPerMinute;

  return [
    `For a site that sends **${num(emailsPerDay)} emails a day from ${mailboxes} mailboxes**, from the costs per ` +
      `email measured above ("Calls per email": worker runs, kvs operations, queue events) against the published ` +
      `limits. Every email is queued by one invocation (a "Send", a Jira event's trigger or an Automation action); ` +
      `as an upper bound, every email is also followed in the dialog until sent, with ${DIALOG_CALLS_PER_EMAIL} ` +
      `status calls (issue 14's ceiling, counted by its browser test, not by this bench).` +
      (results.callsPerEmail.maxSendsIn60s < Math.floor(60_000 / results.scaleInputs.slotSpacingMs)
        ? ` The bench's emails came slower than the outbox's pace, so few waited for a sending slot; in a backlog ` +
          `each wait is one more worker run and queue event per email, so the burst figures below are a floor.`
        : ''),
    '',
    table(
      ['Spent', 'Per email', 'Per day'],
      [
        ['Invocations: queuing the email', '1', num(m.perDay.enqueue)],
        ['Invocations: email worker runs', num(m.perEmail.workerRuns, 2), num(m.perDay.worker)],
        ['Invocations: dialog status calls (upper bound)', num(DIALOG_CALLS_PER_EMAIL), num(m.perDay.dialog)],
        [`Invocations: scheduled triggers (${scheduledKeys.join(', ')})`, '-', num(m.perDay.scheduled)],
        ['**Invocations, all**', '', `**${num(m.perDay.invocations)}**`],
        ['kvs operations', num(m.perEmail.kvs, 2), num(m.perDay.kvs)],
        ['Async events pushed', num(m.perEmail.events, 2), num(m.perDay.events)],
      ],
    ),
    '',
    `Forge's limits are per minute and per installation. Spread evenly over the day, ${num(emailsPerDay)} emails ` +
      `are ${num(m.averageEmailsPerMinute, 1)} a minute; the busiest minute the app itself allows is every mailbox ` +
      `at the outbox's pace, ${num(m.peakEmailsPerMinute)} emails (${mailboxes} × one per ` +
      `${num(results.scaleInputs.slotSpacingMs)} ms).`,
    '',
    table(
      ['Limit', 'Published', 'Per email', 'Even day, a minute', 'Busiest minute', 'Emails a minute it allows'],
      m.minuteLimits.map((limit) => [
        limit.name,
        limit.limit,
        num(limit.perEmail, 2),
        use(m.averageEmailsPerMinute, limit),
        use(m.peakEmailsPerMinute, limit),
        num(limit.emailsPerMinute),
      ]),
    ),
    '',
    `Over a day, per mailbox: ${num(m.perMailbox.emailsPerDay)} emails, ${num(m.perMailbox.sendingMinutesPerDay)} ` +
      `minutes of sending at the outbox's pace (Exchange: ${EXCHANGE_LIMITS.messagesPerMinute} a minute). ` +
      `Exchange's ${num(EXCHANGE_LIMITS.recipientsPerDay)} recipients a day (a sliding 24 hours) leave ` +
      `**${num(m.perMailbox.recipientsPerEmailAllowed, 1)} recipients per email** on average (To, Cc and Bcc each ` +
      `count; a distribution group counts once). Graph requests at full pace: ` +
      `${num(m.perMailbox.graphRequestsPer10Minutes)} per 10 minutes of the ` +
      `${num(EXCHANGE_LIMITS.graphRequestsPer10Minutes)} Graph allows an app per mailbox.` +
      (m.upload
        ? ` Attachments: Graph takes ${EXCHANGE_LIMITS.uploadMBPer5Minutes} MB per 5 minutes per mailbox, ` +
          `${num(m.upload.perFiveMinutes, 1)} emails with a ${num(m.upload.sizeMiB)} MiB attachment ` +
          `(${num(m.upload.requests)} Graph requests each).`
        : ''),
    '',
    `**Where it hits a wall first.** ${evenDayWall(busiestForge, m.perMailbox.recipientsPerEmailAllowed)} ` +
      `In a burst (a bulk edit in Jira firing notification rules, say), ` +
      (peakPasses
        ? `the first wall is ${m.firstMinuteWall.wall}: it allows ${num(m.firstMinuteWall.emailsPerMinute)} emails ` +
          `a minute, fewer than the ${num(m.peakEmailsPerMinute)} the mailboxes could send.`
        : `the mailboxes' own pace (${num(m.peakEmailsPerMinute)} a minute) comes before any Forge limit.`),
    '',
    `The limits, per installation and per mailbox: Forge's [invocations](${SOURCES.forgeInvocations}), ` +
      `[async events](${SOURCES.forgeAsyncEvents}) and [kvs](${SOURCES.forgeKvs}); Exchange Online's ` +
      `[sending limits](${SOURCES.exchangeSending}) and its [recipient rate limit](${SOURCES.exchangeRecipients}); ` +
      `Graph's [Outlook service limits](${SOURCES.graphOutlook}).`,
  ].join('\n');
};
