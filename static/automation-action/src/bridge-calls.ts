import { events, view } from '@forge/bridge';

import type { ActionFormInputs } from './action-inputs';
import { type ActionContext, readActionContext } from './action-inputs';

/** Automation's "Next" / save: the form answers with `view.submit(inputs)`. */
export const AUTOMATION_ACTION_SUBMIT = 'AUTOMATION_ACTION_SUBMIT';

export const loadActionContext = async (): Promise<ActionContext> => readActionContext(await view.getContext());

/**
 * Hands Automation the form's inputs (all five, as strings). Outside Automation the view is not submittable and
 * the bridge throws; nothing is lost, so that is not an error for the form.
 */
export const submitInputs = async (inputs: ActionFormInputs): Promise<void> => {
  try {
    await view.submit({ ...inputs });
  } catch {
    // Not opened by Automation.
  }
};

/** Calls `onSubmit` whenever Automation submits the configuration; the result stops listening. */
export const onAutomationSubmit = (onSubmit: () => void): (() => void) => {
  const subscription = events.on(AUTOMATION_ACTION_SUBMIT, () => onSubmit());
  return () => {
    void subscription.then((active) => active.unsubscribe()).catch(() => undefined);
  };
};
