import type { FormEvent, ReactNode, RefObject } from 'react';

import type { CredentialView } from '../../../../src/contract';
import type { FormBusy } from './use-form-run';

interface CredentialFormFrameProps {
  credential: CredentialView | null;
  formRef: RefObject<HTMLFormElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  busy: FormBusy;
  /** What this kind of credential does, before "Fields marked * are required." */
  intro: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

/** A credential form of either provider: its heading, what it does, who uses it, then its fields and actions. */
export const CredentialFormFrame = (props: CredentialFormFrameProps) => {
  const { credential, formRef, headingRef, busy, intro, onSubmit, children } = props;
  return (
    <form
      ref={formRef}
      className="im-form"
      noValidate
      aria-labelledby="credential-form-title"
      aria-busy={busy !== null}
      onSubmit={onSubmit}
    >
      <div className="im-form__header">
        <h2 id="credential-form-title" ref={headingRef} tabIndex={-1}>
          {credential ? `Edit credential: ${credential.name}` : 'Add credential'}
        </h2>
        <p className="im-secondary">
          {intro} Fields marked <span className="im-field__required">*</span> are required.
        </p>
        {credential?.usedBy && credential.usedBy.length > 0 && (
          <p className="im-secondary">Used by {credential.usedBy.join(', ')}.</p>
        )}
      </div>
      {children}
    </form>
  );
};
