import type { IssueListItem } from '../reader';
import { avatar, type PageUser, projectSidenav, renderChrome, SITE_PROJECT } from './chrome';
import { html, type SafeHtml } from './html';
import { icons } from './icons';

/** A scheduled trigger of the app as the page lists it (the Forge host's TriggerStatus fits). */
export interface TriggerStatus {
  key: string;
  interval: 'fiveMinute' | 'hour' | 'day' | 'week';
  lastRun:
    | {
        cause: 'schedule' | 'manual';
        startedAt: Date;
        outcome: 'running' | 'succeeded' | 'failed';
        error: string | undefined;
      }
    | undefined;
  nextRunAt: Date | undefined;
}

/** How the Forge host's async events queue stands (its QueueStatus fits). */
export interface QueueStatus {
  ready: number;
  delayed: number;
  inFlight: number;
  delivered: number;
  retried: number;
  dropped: number;
}

export interface HomePageData {
  user: PageUser;
  users: PageUser[];
  issues: IssueListItem[];
  adminPages: { title: string; href: string }[];
  issueActions: string[];
  /** The app's Automation actions, each run by a rule on the Automation page. */
  automationActions?: { name: string; href: string }[];
  microsoft: { portalUrl: string; mailboxUrl: string; loginBaseUrl: string; graphBaseUrl: string };
  scheduledTriggers: TriggerStatus[];
  /** The manifest's consumers and how the local queue stands. */
  queues: { consumers: Array<{ key: string; queue: string; functionKey: string }>; status: QueueStatus };
}

const INTERVAL_LABELS: Record<TriggerStatus['interval'], string> = {
  fiveMinute: 'Every 5 minutes',
  hour: 'Every hour',
  day: 'Every day',
  week: 'Every week',
};

/** Times in UTC, to the second: the site's timezone is UTC, as the product context says. */
const timeOf = (date: Date): SafeHtml =>
  html`<time datetime="${date.toISOString()}">${date.toISOString().slice(0, 19).replace('T', ' ')} UTC</time>`;

const lastRunOf = (trigger: TriggerStatus): SafeHtml => {
  const run = trigger.lastRun;
  if (!run) return html`<span class="jl-empty-text">Not run yet</span>`;
  const outcome =
    run.outcome === 'running'
      ? html`<span class="jl-lozenge jl-lozenge--indeterminate">Running</span>`
      : run.outcome === 'succeeded'
        ? html`<span class="jl-lozenge jl-lozenge--done">Succeeded</span>`
        : html`<span class="jl-lozenge jl-lozenge--failed">Failed</span> <code>${run.error ?? ''}</code>`;
  return html`${timeOf(run.startedAt)}${run.cause === 'manual' ? ' (run now)' : ''} ${outcome}`;
};

const scheduledTriggersCard = (
  triggers: TriggerStatus[],
): SafeHtml => html`<section class="jl-card" aria-labelledby="card-triggers">
    <h2 id="card-triggers">Scheduled triggers</h2>
    <p>The app's scheduled functions: each runs shortly after the host starts, then at its interval.</p>
    ${
      triggers.length === 0
        ? html`<p class="jl-empty-text">The app has no scheduled triggers.</p>`
        : html`<ul class="jl-card__links jl-triggers">
          ${triggers.map(
            (trigger) => html`<li class="jl-trigger" data-trigger="${trigger.key}">
              <div class="jl-trigger__head">
                <code>${trigger.key}</code>
                <span>${INTERVAL_LABELS[trigger.interval]}</span>
              </div>
              <div>Last run: ${lastRunOf(trigger)}</div>
              ${trigger.nextRunAt ? html`<div>Next run: ${timeOf(trigger.nextRunAt)}</div>` : ''}
              <form method="post" action="/__host/triggers/${encodeURIComponent(trigger.key)}/run">
                <button type="submit" class="jl-button" aria-label="Run ${trigger.key} now">Run now</button>
              </form>
            </li>`,
          )}
        </ul>`
    }
  </section>`;

const queuesCard = (queues: HomePageData['queues']): SafeHtml => {
  const { status } = queues;
  return html`<section class="jl-card" aria-labelledby="card-queues">
    <h2 id="card-queues">Async events</h2>
    ${
      queues.consumers.length === 0
        ? html`<p class="jl-empty-text">The app has no queue consumers.</p>`
        : html`<p>Queue consumers run in this process, as Forge runs them.</p>
          <ul class="jl-card__links">
            ${queues.consumers.map((consumer) => html`<li><code>${consumer.queue}</code> &rarr; <code>${consumer.functionKey}</code></li>`)}
          </ul>
          <dl class="jl-queue-status">
            <div><dt>Due now</dt><dd>${String(status.ready)}</dd></div>
            <div><dt>Delayed</dt><dd>${String(status.delayed)}</dd></div>
            <div><dt>Running</dt><dd>${String(status.inFlight)}</dd></div>
            <div><dt>Delivered</dt><dd>${String(status.delivered)}</dd></div>
            <div><dt>Retried</dt><dd>${String(status.retried)}</dd></div>
            <div><dt>Dropped</dt><dd>${String(status.dropped)}</dd></div>
          </dl>`
    }
  </section>`;
};

const statusLozenge = (issue: IssueListItem) => {
  const category = issue.fields.status.statusCategory.key;
  return html`<span class="jl-lozenge jl-lozenge--${category}">${issue.fields.status.name}</span>`;
};

/** "Your work": what the local site holds, with links to the app's pages and the Microsoft emulator. */
export const renderHomePage = (data: HomePageData): string => {
  const project = data.issues[0]?.fields.project;
  const content = html`<div class="jl-page">
    <h1 class="jl-page__title">Your work</h1>
    <div class="jl-cards">
      <section class="jl-card" aria-labelledby="card-admin">
        <h2 id="card-admin">Apps</h2>
        <p>Admin pages of the installed app (Jira settings &gt; Apps).</p>
        <ul class="jl-card__links">
          ${data.adminPages.map((page) => html`<li><a href="${page.href}">${page.title}</a></li>`)}
        </ul>
      </section>
      <section class="jl-card" aria-labelledby="card-actions">
        <h2 id="card-actions">Issue actions</h2>
        <p>Open an issue and choose <strong>Apps</strong> to use them.</p>
        <ul class="jl-card__links">
          ${data.issueActions.map((title) => html`<li>${title}</li>`)}
        </ul>
      </section>
      ${
        data.automationActions && data.automationActions.length > 0
          ? html`<section class="jl-card" aria-labelledby="card-automation">
            <h2 id="card-automation">Automation</h2>
            <p>The app's actions for Jira Automation rules: configure one and run it on an issue.</p>
            <ul class="jl-card__links">
              ${data.automationActions.map((action) => html`<li><a href="${action.href}">${action.name}</a></li>`)}
            </ul>
          </section>`
          : ''
      }
      <section class="jl-card" aria-labelledby="card-microsoft">
        <h2 id="card-microsoft">Microsoft 365 (emulated)</h2>
        <p>The local Entra ID and Microsoft Graph the app sends mail through.</p>
        <ul class="jl-card__links">
          <li><a href="${data.microsoft.portalUrl}" target="_blank" rel="noopener">App registrations ${icons.external}</a></li>
          <li><a href="${data.microsoft.mailboxUrl}" target="_blank" rel="noopener">Mailbox: sent messages ${icons.external}</a></li>
          <li>Identity: <code>${data.microsoft.loginBaseUrl}</code></li>
          <li>Graph: <code>${data.microsoft.graphBaseUrl}/v1.0</code></li>
        </ul>
      </section>
      ${scheduledTriggersCard(data.scheduledTriggers)}
      ${queuesCard(data.queues)}
    </div>

    <h2 class="jl-section-title" id="issues">Issues</h2>
    <table class="jl-table" aria-labelledby="issues">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Summary</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody>
        ${data.issues.map(
          (issue) => html`<tr>
            <td class="jl-nowrap"><a href="/browse/${issue.key}">${issue.key}</a></td>
            <td><a href="/browse/${issue.key}">${issue.fields.summary}</a></td>
            <td>${issue.fields.issuetype.name}</td>
            <td>${statusLozenge(issue)}</td>
            <td>
              ${
                issue.fields.assignee
                  ? html`<span class="jl-user">${avatar(issue.fields.assignee, 'small')}${issue.fields.assignee.displayName}</span>`
                  : html`<span class="jl-empty-text">Unassigned</span>`
              }
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${data.issues.length === 0 ? html`<p class="jl-empty-text">${data.user.displayName} cannot see any issues.</p>` : ''}
  </div>`;

  return renderChrome({
    title: 'Your work',
    section: 'home',
    user: data.user,
    users: data.users,
    path: '/',
    sidenav: projectSidenav(
      project
        ? {
            projectName: project.name,
            projectKey: project.key,
            projectTypeKey: project.projectTypeKey,
            current: 'home',
          }
        : SITE_PROJECT,
    ),
    content,
  });
};
