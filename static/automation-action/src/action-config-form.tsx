import { useEffect, useRef, useState } from 'react';

import { ChoiceSelect } from '../../shared/components/choice-select';
import { Field } from '../../shared/components/field';
import { LoadFailed } from '../../shared/components/load-failed';
import { SectionMessage } from '../../shared/components/section-message';
import {
  type ActionContext,
  type ActionFormInputs,
  type ActionInputName,
  defaultMailbox,
  type FieldMessages,
  inputProblems,
  mailboxChoices,
  templateChoices,
} from './action-inputs';
import { onAutomationSubmit, submitInputs } from './bridge-calls';
import { useActionContext } from './use-action-context';
import { type ActionOptionsLoad, useActionOptions } from './use-action-options';

const fieldId = (name: ActionInputName) => `action-${name}`;

const templateHint = (load: ActionOptionsLoad): string => {
  if (load.state === 'loading') return 'Loading templates…';
  if (load.state === 'failed') return 'Templates could not be loaded.';
  return "The email's subject and body. Project default uses the template chosen for the issue's project.";
};

const mailboxHint = (load: ActionOptionsLoad): string => {
  if (load.state === 'loading') return 'Loading credentials…';
  if (load.state === 'failed') return 'Credentials could not be loaded.';
  const fallback = defaultMailbox(load.data);
  return fallback
    ? `The mailbox the email is sent from. Default credential: ${fallback}.`
    : 'Issue Mailer has no credential yet.';
};

/** The form itself, once Automation has said what the rule holds. */
const ConfigurationFields = ({ context }: { context: ActionContext }) => {
  const [inputs, setInputs] = useState<ActionFormInputs>(context.inputs);
  const [errors, setErrors] = useState<FieldMessages>(context.invalid);
  // Automation's submit event may come between renders; it must send what was typed last.
  const latest = useRef(inputs);
  const { load, retry } = useActionOptions();
  const { stored } = context;
  const options = load.state === 'loaded' ? load.data : undefined;

  /**
   * Automation saves what the form last handed to `view.submit`
   * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/automation-action/): the form hands over only inputs the action would
   * accept, so a rule is never saved with recipients that fail only when it runs. Refused inputs stay on screen with
   * the reason under their field, and Automation keeps the configuration it had.
   */
  const submitIfValid = (next: ActionFormInputs): boolean => {
    const problems = inputProblems(next);
    if (Object.keys(problems).length > 0) {
      setErrors((current) => ({ ...current, ...problems }));
      return false;
    }
    void submitInputs(next);
    return true;
  };

  useEffect(() => {
    // A default shown (Issue: {{issue.key}}) is only what Automation holds once it is submitted.
    if (!stored) void submitInputs(latest.current);
    return onAutomationSubmit(() => void submitIfValid(latest.current));
  }, [stored]);

  const change = (name: ActionInputName, value: string) => {
    const next = { ...latest.current, [name]: value };
    latest.current = next;
    setInputs(next);
    // A field being edited no longer shows a message about its old value.
    setErrors((current) => {
      if (!(name in current)) return current;
      const rest = { ...current };
      delete rest[name];
      return rest;
    });
    // While typed, an input is not judged yet: it is handed over once valid, and judged on leaving the field.
    if (Object.keys(inputProblems(next)).length === 0) void submitInputs(next);
  };

  const judge = () => {
    const problems = inputProblems(latest.current);
    if (Object.keys(problems).length > 0) setErrors((current) => ({ ...current, ...problems }));
  };

  const text = (name: ActionInputName) => ({
    value: inputs[name],
    onChange: (event: { currentTarget: { value: string } }) => change(name, event.currentTarget.value),
  });

  return (
    <form
      className="im-action-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submitIfValid(latest.current);
      }}
    >
      {load.state === 'failed' && (
        <LoadFailed
          title="Templates and credentials could not be loaded"
          message={load.error.message}
          onRetry={retry}
        />
      )}
      <Field
        id={fieldId('issueKey')}
        label="Issue"
        required
        error={errors.issueKey}
        hint="A smart value: {{issue.key}} emails the issue the rule runs on."
      >
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            {...text('issueKey')}
          />
        )}
      </Field>
      <Field
        id={fieldId('recipients')}
        label="Recipients"
        required
        error={errors.recipients}
        hint="Addresses, and reporter, assignee or watchers, separated by commas"
      >
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            {...text('recipients')}
            onBlur={judge}
          />
        )}
      </Field>
      <ChoiceSelect
        id={fieldId('template')}
        label="Template"
        value={inputs.template}
        choices={templateChoices(options, inputs.template)}
        hint={templateHint(load)}
        error={errors.template}
        onChange={(value) => change('template', value)}
      />
      <ChoiceSelect
        id={fieldId('mailbox')}
        label="Sender mailbox"
        value={inputs.mailbox}
        choices={mailboxChoices(options, inputs.mailbox)}
        hint={mailboxHint(load)}
        error={errors.mailbox}
        onChange={(value) => change('mailbox', value)}
      />
      <Field
        id={fieldId('message')}
        label="Message"
        error={errors.message}
        hint="Words shown above the issue. Smart values work here too."
      >
        {(control) => <textarea {...control} className="im-textarea" rows={4} {...text('message')} />}
      </Field>
    </form>
  );
};

/** The configuration form Jira Automation shows for "Send issue email". */
export const ActionConfigForm = () => {
  const load = useActionContext();
  if (load.state === 'loading') {
    return (
      <p className="im-action-loading im-secondary" role="status">
        Loading the action's configuration…
      </p>
    );
  }
  if (load.state === 'failed') {
    return (
      <SectionMessage appearance="error" title="The configuration could not be loaded">
        <p>Close the action and open it again.</p>
      </SectionMessage>
    );
  }
  return <ConfigurationFields context={load.context} />;
};
