/**
 * The Automation page's script: it plays Jira Automation's part around an action's configuration form. The form's
 * `view.submit(inputs)` lands here and is kept; "Save" sends the form AUTOMATION_ACTION_SUBMIT, then saves what it
 * submitted; "Run rule" runs the action on the chosen issue with the inputs held now and adds the audit log line.
 */
import { PAGE_SOURCE, type PageMessage } from './protocol';

type Inputs = Record<string, string | number | boolean>;
type InvalidInputs = Record<string, { message: string }>;

export interface AutomationPage {
  /** A frame's `view.submit`: true when it is the action's form, whose inputs the page then holds. */
  submit: (frame: HTMLIFrameElement, payload: unknown) => boolean;
  /** What the form's `getContext` gains: the inputs held now and Automation's invalidInputs. */
  context: (frame: HTMLIFrameElement) => { data: { inputs: Inputs }; errors: { invalidInputs: InvalidInputs } } | false;
}

/** How long "Save" waits for the form to answer AUTOMATION_ACTION_SUBMIT before saving what it already has. */
const SUBMIT_WAIT_MS = 2000;
const MAX_ROWS = 50;

const inputsOf = (payload: unknown): Inputs | null => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const inputs: Inputs = {};
  for (const [name, value] of Object.entries(payload)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') inputs[name] = value;
  }
  return inputs;
};

const postJson = async <T>(path: string, body: unknown): Promise<T> => {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => null)) as (T & { message?: unknown }) | null;
  if (!response.ok || data === null) {
    throw new Error(typeof data?.message === 'string' ? data.message : `The local host answered ${response.status}.`);
  }
  return data;
};

const NOT_HERE: AutomationPage = { submit: () => false, context: () => false };

export const setUpAutomationPage = (
  doc: Document,
  postToFrame: (target: Window, message: PageMessage) => void,
): AutomationPage => {
  const root = doc.querySelector<HTMLElement>('[data-automation-rule]');
  if (!root) return NOT_HERE;
  const actionKey = root.dataset.actionKey ?? '';
  const saved = JSON.parse(root.dataset.configuration ?? '{}') as { inputs?: Inputs; invalidInputs?: InvalidInputs };
  let inputs: Inputs = saved.inputs ?? {};
  let invalidInputs: InvalidInputs = saved.invalidInputs ?? {};
  let submitted: (() => void) | null = null;

  const form = root.querySelector<HTMLIFrameElement>('iframe[data-action-config]');
  const issue = root.querySelector<HTMLSelectElement>('[data-automation="issue"]');
  const status = root.querySelector<HTMLElement>('[data-automation="status"]');
  const rows = root.querySelector<HTMLElement>('[data-automation="runs"]');
  const empty = root.querySelector<HTMLElement>('[data-automation="no-runs"]');
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-automation]'));

  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  /** One thing at a time, as Automation's rule editor does: the buttons wait while a save or a run is under way. */
  const busy = async (work: () => Promise<void>) => {
    if (buttons.some((button) => button.getAttribute('aria-disabled') === 'true')) return;
    buttons.forEach((button) => button.setAttribute('aria-disabled', 'true'));
    try {
      await work();
    } catch (error) {
      say(error instanceof Error ? error.message : 'The local host could not do that.');
    } finally {
      buttons.forEach((button) => button.removeAttribute('aria-disabled'));
    }
  };

  const save = async () => {
    say('Saving the rule…');
    if (form?.contentWindow) {
      const answered = new Promise<void>((resolve) => {
        const timer = window.setTimeout(resolve, SUBMIT_WAIT_MS);
        submitted = () => {
          window.clearTimeout(timer);
          resolve();
        };
      });
      postToFrame(form.contentWindow, { source: PAGE_SOURCE, kind: 'event', event: 'AUTOMATION_ACTION_SUBMIT' });
      await answered;
      submitted = null;
    }
    const answer = await postJson<{ saved: boolean; invalidInputs: InvalidInputs }>('/__host/automation/config', {
      actionKey,
      inputs,
    });
    const changed = JSON.stringify(answer.invalidInputs) !== JSON.stringify(invalidInputs);
    invalidInputs = answer.invalidInputs;
    // The form reads invalidInputs when it loads, as it does in Automation.
    if (changed) form?.contentWindow?.location.reload();
    const messages = Object.values(invalidInputs).map((entry) => entry.message);
    say(answer.saved ? 'Rule saved.' : `The rule was not saved: ${messages.join('; ')}.`);
  };

  const run = async () => {
    const issueKey = issue?.value ?? '';
    say(`Running the rule on ${issueKey}…`);
    const answer = await postJson<{ outcome: string; rowHtml: string }>('/__host/automation/run', {
      actionKey,
      issueKey,
      inputs,
    });
    rows?.insertAdjacentHTML('afterbegin', answer.rowHtml);
    while (rows && rows.children.length > MAX_ROWS) rows.lastElementChild?.remove();
    if (empty) empty.hidden = true;
    say(`The rule ran on ${issueKey}: ${answer.outcome}.`);
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-automation]');
    if (button?.dataset.automation === 'save') void busy(save);
    else if (button?.dataset.automation === 'run') void busy(run);
  });

  return {
    submit: (frame, payload) => {
      if (frame !== form) return false;
      const next = inputsOf(payload);
      if (next) inputs = next;
      submitted?.();
      return true;
    },
    context: (frame) => {
      if (frame !== form) return false;
      return { data: { inputs: { ...inputs } }, errors: { invalidInputs } };
    },
  };
};
