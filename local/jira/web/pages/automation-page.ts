import { type PageUser, renderChrome } from './chrome';
import { html, type SafeHtml } from './html';

/** How a run ends in the rule's audit log. A configuration error never reaches the app. */
export type AutomationOutcome = 'success' | 'failure' | 'configuration-error';

export const OUTCOME_LABELS: Readonly<Record<AutomationOutcome, string>> = {
  success: 'Success',
  failure: 'Failure',
  'configuration-error': 'Configuration error',
};

/** An app's Automation action as the page shows it (the Forge host's AutomationActionModule fits). */
export interface AutomationActionView {
  key: string;
  name: string;
  description: string;
  /** The resource of its configuration form, if it has one. */
  resourceKey?: string | undefined;
}

/** One line of the rule's audit log (the Forge host's AutomationRun fits). */
export interface AutomationRunView {
  id: number;
  /** When the rule ran, ISO 8601. */
  at: string;
  issueKey: string;
  outcome: AutomationOutcome;
  messages: string[];
  /** The action's answer, on success. */
  answer?: unknown;
}

export interface AutomationPageData {
  user: PageUser;
  users: PageUser[];
  path: string;
  actions: readonly AutomationActionView[];
  /** The action the rule runs; undefined when the app has none. */
  action: AutomationActionView | undefined;
  /** The form's URL (the page script adds the colour mode); undefined when the action has no `config`. */
  frameUrl: string | undefined;
  /** The rule's saved configuration, handed to the page script as JSON. */
  configuration: unknown;
  /** The issues the user can see: the rule's possible trigger issues. */
  issues: Array<{ key: string; summary: string }>;
  runs: AutomationRunView[];
  /** The smart values a rule resolves, named in the trigger issue's hint. */
  smartValues: readonly string[];
}

const timeOf = (iso: string): SafeHtml =>
  html`<time datetime="${iso}">${iso.slice(0, 19).replace('T', ' ')} UTC</time>`;

/** One audit log line; the page script inserts the same markup after a run. */
/**
 * A successful run's line: the `message` the action answered, when it gave one (Issue Mailer names who was emailed),
 * else "No errors". The action module page (https://developer.atlassian.com/platform/forge/manifest-reference/modules/automation-action/)
 * documents `errors[].message` for failures; a success's own message is this host's reading of the answer.
 */
const successNote = (run: AutomationRunView): SafeHtml => {
  const answer = run.answer;
  const message = typeof answer === 'object' && answer !== null ? (answer as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message.trim() !== ''
    ? html`<span>${message}</span>`
    : html`<span class="jl-empty-text">No errors</span>`;
};

export const renderRunRow = (run: AutomationRunView): SafeHtml => {
  const lozenge = run.outcome === 'success' ? 'jl-lozenge--done' : 'jl-lozenge--failed';
  return html`<tr data-run-id="${String(run.id)}">
    <td class="jl-nowrap">${timeOf(run.at)}</td>
    <td class="jl-nowrap"><a href="/browse/${run.issueKey}">${run.issueKey}</a></td>
    <td><span class="jl-lozenge ${lozenge}">${OUTCOME_LABELS[run.outcome]}</span></td>
    <td>
      ${
        run.messages.length === 0
          ? successNote(run)
          : html`<ul class="jl-automation__messages">
            ${run.messages.map((message) => html`<li>${message}</li>`)}
          </ul>`
      }
    </td>
  </tr>`;
};

const sidenav = (): SafeHtml => html`<nav class="jl-sidenav" aria-label="Project settings">
    <p class="jl-sidenav__title">Project settings</p>
    <ul class="jl-sidenav__list">
      <li><span class="jl-sidenav__link jl-sidenav__link--static">Details</span></li>
      <li><span class="jl-sidenav__link jl-sidenav__link--static">Notifications</span></li>
      <li><a class="jl-sidenav__link" href="/automation" aria-current="page">Automation</a></li>
    </ul>
  </nav>`;

const actionPicker = (data: AutomationPageData): SafeHtml | string => {
  if (data.actions.length < 2 || !data.action) return '';
  const current = data.action.key;
  return html`<form class="jl-automation__picker" method="get" action="/automation">
    <label for="automation-action">Action</label>
    <select id="automation-action" name="action">
      ${data.actions.map(
        (action) =>
          html`<option value="${action.key}" ${action.key === current ? html`selected` : ''}>${action.name}</option>`,
      )}
    </select>
    <button type="submit" class="jl-button">Open</button>
  </form>`;
};

const ruleCard = (data: AutomationPageData, action: AutomationActionView): SafeHtml => {
  const smartValues = data.smartValues.map((name) => `{{${name}}}`).join(', ');
  return html`<section class="jl-card jl-automation__rule" aria-labelledby="automation-rule-title">
    <h2 id="automation-rule-title">Rule: ${action.name}</h2>
    <div class="jl-automation__field">
      <label for="automation-issue">Trigger issue</label>
      <select id="automation-issue" data-automation="issue" aria-describedby="automation-issue-hint">
        ${data.issues.map((issue) => html`<option value="${issue.key}">${issue.key}: ${issue.summary}</option>`)}
      </select>
      <p class="jl-automation__hint" id="automation-issue-hint">
        The issue the rule runs on. Smart values resolved here: ${smartValues}; others are empty.
      </p>
    </div>
    <h3 class="jl-automation__step" id="automation-action-title">Then: ${action.name}</h3>
    <p>${action.description}</p>
    ${
      data.frameUrl === undefined || action.resourceKey === undefined
        ? html`<p class="jl-empty-text">The action has no configuration form.</p>`
        : html`<iframe
          class="jl-automation__frame"
          title="${action.name} configuration"
          data-forge-frame
          data-action-config
          data-src="${data.frameUrl}"
          data-module-key="${action.key}"
          data-resource-key="${action.resourceKey}"
        ></iframe>`
    }
    <div class="jl-automation__buttons">
      <button type="button" class="jl-button" data-automation="save">Save</button>
      <button type="button" class="jl-button jl-automation__run" data-automation="run">Run rule</button>
    </div>
    <p class="jl-automation__status" role="status" data-automation="status"></p>
  </section>`;
};

const auditLog = (
  runs: AutomationRunView[],
): SafeHtml => html`<section class="jl-automation__audit" aria-labelledby="automation-audit-log">
    <h2 class="jl-section-title" id="automation-audit-log">Audit log</h2>
    <table class="jl-table" aria-labelledby="automation-audit-log">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Issue</th>
          <th scope="col">Outcome</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody data-automation="runs">
        ${runs.map(renderRunRow)}
      </tbody>
    </table>
    <p class="jl-empty-text" data-automation="no-runs" ${runs.length > 0 ? html`hidden` : ''}>The rule has not run yet.</p>
  </section>`;

/** A Jira Automation rule that runs one of the app's actions: its form, the trigger issue, Save, Run rule, the audit log. */
export const renderAutomationPage = (data: AutomationPageData): string => {
  const { action } = data;
  const content = action
    ? html`<div
        class="jl-page jl-automation"
        data-automation-rule
        data-action-key="${action.key}"
        data-configuration="${JSON.stringify(data.configuration)}"
      >
        <h1 class="jl-page__title">Automation</h1>
        <p>
          A rule that runs the app's action as Jira Automation does: the app's form configures it, and each run checks
          the configuration, resolves smart values against the trigger issue and calls the action as you.
        </p>
        ${actionPicker(data)} ${ruleCard(data, action)} ${auditLog(data.runs)}
      </div>`
    : html`<div class="jl-page">
        <h1 class="jl-page__title">Automation</h1>
        <p class="jl-empty-text">The app has no Automation actions.</p>
      </div>`;
  return renderChrome({
    title: 'Automation',
    section: 'automation',
    user: data.user,
    users: data.users,
    path: data.path,
    sidenav: sidenav(),
    content,
  });
};
