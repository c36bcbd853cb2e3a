import { type ReactNode, useId } from 'react';

import { Field } from '../../../shared/components/field';
import { formatDate } from '../shared/format';
import { fieldId } from './form-fields';
import {
  DateInput,
  SecretInput,
  StoredValueAction,
  UndoChoiceLink,
  updatedOn,
  type WriteOnlyProps,
} from './write-only-fields';

/** The id of the button that adds, removes or keeps the next secret: focus returns there when a choice is taken back. */
const NEXT_SECRET_ACTION = 'next-secret-action';

/** Rotation without downtime: a second secret the backend falls back to, and promotes, when the current one fails. */
export const NextSecretSection = (props: WriteOnlyProps) => {
  const { credential, values, errors, choices, update, choose } = props;
  const titleId = useId();
  let body: ReactNode;
  if (credential?.hasNextSecret) {
    body = choices.removeNextSecret ? (
      <div className="im-stored">
        <p>
          <strong>The next secret will be removed</strong> when you save.
        </p>
        <StoredValueAction
          id={NEXT_SECRET_ACTION}
          onClick={() => choose({ removeNextSecret: false }, NEXT_SECRET_ACTION)}
        >
          Keep next secret
        </StoredValueAction>
      </div>
    ) : (
      <div className="im-stored">
        <p>
          <span className="im-secret-set">A next secret is set</span>
          {credential.nextSecretExpiresOn ? `, expires ${formatDate(credential.nextSecretExpiresOn)}` : ''}
          {updatedOn(credential.nextSecretUpdatedAt)}.
        </p>
        <StoredValueAction
          id={NEXT_SECRET_ACTION}
          onClick={() => choose({ removeNextSecret: true }, NEXT_SECRET_ACTION)}
        >
          Remove next secret
        </StoredValueAction>
      </div>
    );
  } else if (!choices.addNextSecret) {
    body = (
      <div className="im-stored">
        <StoredValueAction id={NEXT_SECRET_ACTION} onClick={() => choose({ addNextSecret: true }, 'nextClientSecret')}>
          Add next secret
        </StoredValueAction>
      </div>
    );
  } else {
    body = (
      <div className="im-subsection__grid">
        <Field
          id={fieldId('nextClientSecret')}
          label="Next client secret"
          required
          error={errors.nextClientSecret}
          hint={
            <>
              The <strong>Value</strong> of a second secret from Certificates &amp; secrets.
              <UndoChoiceLink
                onClick={() => {
                  update('nextClientSecret', '');
                  update('nextSecretExpiresOn', '');
                  choose({ addNextSecret: false }, NEXT_SECRET_ACTION);
                }}
              >
                Cancel adding a next secret
              </UndoChoiceLink>
            </>
          }
        >
          {(control) => (
            <SecretInput
              {...control}
              value={values.nextClientSecret}
              onChange={(value) => update('nextClientSecret', value)}
            />
          )}
        </Field>
        <Field id={fieldId('nextSecretExpiresOn')} label="Next secret expires on" error={errors.nextSecretExpiresOn}>
          {(control) => (
            <DateInput
              {...control}
              value={values.nextSecretExpiresOn}
              onChange={(value) => update('nextSecretExpiresOn', value)}
            />
          )}
        </Field>
      </div>
    );
  }
  return (
    <section className="im-subsection" aria-labelledby={titleId}>
      <h3 className="im-subsection__title" id={titleId}>
        Next secret
      </h3>
      <p className="im-field__hint">
        Before the current secret expires, add a second one here. If Microsoft refuses the current secret as expired or
        invalid, Issue Mailer signs in with the next one and makes it the current secret.
      </p>
      {body}
    </section>
  );
};
