import { showFlag, view } from '@forge/bridge';
import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
} from 'react';
import {
  sendIssueEmailSchema,
  type IssueEmailDraft,
  type ResolverError,
  type SendIssueEmailInput,
} from '../../../src/contract';
import { Field } from '../../shared/components/field';
import { SectionMessage } from '../../shared/components/section-message';
import { fieldErrorsFromIssues, normaliseFieldErrors, type FieldErrors } from '../../shared/field-errors';
import { getEmailDraft, sendIssueEmail } from './invokes';
import { parseAddressList } from './recipients';

type Draft = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'ready'; draft: IssueEmailDraft };

interface Values {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  message: string;
}

const FIELD_ORDER: (keyof Values)[] = ['to', 'cc', 'bcc', 'subject', 'message'];
const fieldId = (field: keyof Values) => `email-${field}`;

/** What every address box shares: free text (a comma-separated list), an email keyboard, no autofill or spelling. */
const ADDRESS_INPUT = {
  className: 'im-input',
  type: 'text',
  inputMode: 'email',
  autoComplete: 'off',
  spellCheck: false,
} satisfies InputHTMLAttributes<HTMLInputElement>;

const COPY_FIELDS = [
  { field: 'cc', label: 'Cc' },
  { field: 'bcc', label: 'Bcc' },
] as const;

async function closeDialog(): Promise<void> {
  try {
    await view.close();
  } catch {
    // Not closable (e.g. opened outside a modal): nothing else to do.
  }
}

function toInput(values: Values): SendIssueEmailInput {
  return {
    to: parseAddressList(values.to),
    cc: parseAddressList(values.cc),
    bcc: parseAddressList(values.bcc),
    subject: values.subject,
    message: values.message,
  };
}

const recipients = (count: number) => `${count} ${count === 1 ? 'recipient' : 'recipients'}`;

/** The "Email this issue" dialog the jira:issueAction opens. */
export function EmailDialog() {
  const [draft, setDraft] = useState<Draft>({ state: 'loading' });
  const [values, setValues] = useState<Values>({ to: '', cc: '', bcc: '', subject: '', message: '' });
  const [showCopies, setShowCopies] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sendError, setSendError] = useState<ResolverError | null>(null);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let current = true;
    void getEmailDraft().then((result) => {
      if (!current) return;
      if (result.ok) {
        setDraft({ state: 'ready', draft: result.data });
        setValues((v) => ({ ...v, subject: v.subject || result.data.subject }));
      } else {
        setDraft({ state: 'failed', error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (draft.state === 'ready') formRef.current?.querySelector<HTMLElement>(`#${fieldId('to')}`)?.focus();
  }, [draft.state]);

  const update = (field: keyof Values, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const text = (field: keyof Values) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => update(field, event.target.value),
  });

  const showErrors = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    if (fieldErrors.cc || fieldErrors.bcc) setShowCopies(true);
    const first = FIELD_ORDER.find((field) => fieldErrors[field]);
    // The Cc/Bcc fields may only appear on the next render.
    if (first) queueMicrotask(() => formRef.current?.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus());
  };

  const canSend = draft.state === 'ready' && draft.draft.senderMailbox !== null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canSend || sending) return;
    setSendError(null);
    const input = toInput(values);
    const parsed = sendIssueEmailSchema.safeParse(input);
    if (!parsed.success) {
      showErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setSending(true);
    const result = await sendIssueEmail(input);
    if (result.ok) {
      showFlag({
        id: `issue-mailer-sent-${result.data.issueKey}-${result.data.sentAt}`,
        title: 'Email sent',
        description: `${result.data.issueKey} was emailed to ${recipients(result.data.recipientCount)}.`,
        type: 'success',
        isAutoDismiss: true,
      });
      await closeDialog();
      setSending(false);
      return;
    }
    setSending(false);
    setSendError(result.error);
    showErrors(normaliseFieldErrors(result.error.fieldErrors));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      void closeDialog();
    }
    // Ctrl/Cmd+Enter sends from the message box, as in Jira's comment editor.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <form ref={formRef} className="im-dialog" noValidate aria-labelledby="dialog-title" onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <header className="im-dialog__header">
        <h1 id="dialog-title">Email this issue</h1>
        {draft.state === 'ready' && (
          <p className="im-dialog__issue">
            <span className="im-dialog__key">{draft.draft.issueKey}</span> {draft.draft.issueSummary}
          </p>
        )}
      </header>

      <div className="im-dialog__body">
        {draft.state === 'loading' && (
          <p role="status" className="im-secondary">
            <span className="im-spinner" aria-hidden="true" /> Loading…
          </p>
        )}
        {draft.state === 'failed' && (
          <SectionMessage appearance="error" title="This issue can't be emailed right now">
            <p>{draft.error.message}</p>
          </SectionMessage>
        )}
        {draft.state === 'ready' && draft.draft.senderMailbox === null && (
          <SectionMessage appearance="warning" title="Email is not configured">
            <p>
              Issue Mailer has no Microsoft 365 credential yet. Ask a Jira admin to add one under Jira settings &gt;
              Apps &gt; Issue Mailer.
            </p>
          </SectionMessage>
        )}
        {sendError && (
          <SectionMessage appearance="error" title="The email was not sent">
            <p>{sendError.message}</p>
          </SectionMessage>
        )}
        {draft.state === 'ready' && (
          <>
            {draft.draft.senderMailbox !== null && (
              <p className="im-dialog__from">
                <span className="im-secondary">From:</span> {draft.draft.senderMailbox}
              </p>
            )}
            <fieldset className="im-dialog__fields" disabled={!canSend || sending}>
              <Field id={fieldId('to')} label="To" required error={errors.to} hint="Separate addresses with commas.">
                {(control) => (
                  <input
                    {...control}
                    {...ADDRESS_INPUT}
                    {...text('to')}
                    placeholder="name@example.com, other@example.com"
                  />
                )}
              </Field>
              {showCopies ? (
                COPY_FIELDS.map(({ field, label }) => (
                  <Field key={field} id={fieldId(field)} label={label} error={errors[field]}>
                    {(control) => <input {...control} {...ADDRESS_INPUT} {...text(field)} />}
                  </Field>
                ))
              ) : (
                <p>
                  <button
                    type="button"
                    className="im-link-button"
                    onClick={() => {
                      setShowCopies(true);
                      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>(`#${fieldId('cc')}`)?.focus());
                    }}
                  >
                    Add Cc and Bcc
                  </button>
                </p>
              )}
              <Field id={fieldId('subject')} label="Subject" required error={errors.subject}>
                {(control) => <input {...control} {...text('subject')} className="im-input" type="text" />}
              </Field>
              <Field
                id={fieldId('message')}
                label="Message"
                error={errors.message}
                hint="Appears above the issue's details and link. Ctrl+Enter sends."
              >
                {(control) => <textarea {...control} {...text('message')} className="im-textarea" rows={6} />}
              </Field>
            </fieldset>
          </>
        )}
        {sending && (
          <p role="status" className="im-secondary">
            Sending…
          </p>
        )}
      </div>

      <footer className="im-dialog__footer">
        <button type="button" className="im-button im-button--subtle" onClick={() => void closeDialog()}>
          Cancel
        </button>
        <button type="submit" className="im-button im-button--primary" disabled={!canSend} aria-disabled={sending}>
          {sending && <span className="im-spinner" aria-hidden="true" />}
          Send
        </button>
      </footer>
    </form>
  );
}
