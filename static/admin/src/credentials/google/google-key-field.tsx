import { type DragEvent, useState } from 'react';

import type { CredentialView } from '../../../../../src/contract';
import { Field } from '../../../../shared/components/field';
import { formatDateTime } from '../../shared/format';
import { StoredValue, StoredValueAction, UndoChoiceLink } from '../write-only-fields';
import { googleFieldId, REPLACE_KEY_ID } from './google-focus';
import type { KeyChoice } from './google-form-state';
import type { KeyFileSummary } from './service-account-key-file';

export const KEY_FIELD_LABEL = 'Service account key (JSON)';

interface KeyFacts {
  clientEmail: string;
  clientId: string;
  privateKeyId: string;
  projectId?: string | undefined;
  uploadedAt?: string | undefined;
}

/** The public facts of a key file, chosen now or stored: they say which service account and key, nothing secret. */
const KeyFactsList = ({ facts }: { facts: KeyFacts }) => (
  <dl className="im-facts">
    <dt>Service account</dt>
    <dd className="im-break">{facts.clientEmail}</dd>
    <dt>Client ID</dt>
    <dd>
      <code>{facts.clientId}</code>
    </dd>
    <dt>Key ID</dt>
    <dd>
      <code className="im-break">{facts.privateKeyId}</code>
    </dd>
    {facts.projectId && (
      <>
        <dt>Project</dt>
        <dd className="im-break">{facts.projectId}</dd>
      </>
    )}
    {facts.uploadedAt && (
      <>
        <dt>Key</dt>
        <dd>Uploaded {formatDateTime(facts.uploadedAt)}, stored as a Forge secret</dd>
      </>
    )}
  </dl>
);

const chosenFacts = (summary: KeyFileSummary): KeyFacts => ({ ...summary });

interface GoogleKeyFieldProps {
  credential: CredentialView | null;
  keyChoice: KeyChoice;
  keyVisible: boolean;
  /** Bumped to clear the file input (it holds its file outside the form's state). */
  fileInputKey: number;
  error: string | undefined;
  onFile: (file: File) => void;
  onReplace: (replace: boolean) => void;
}

/**
 * The service account's JSON key: write-only like a secret. A file input (the keyboard's way) inside a drop zone;
 * what the chosen file says publicly shows at once. Once stored, the stored service account and "Replace key".
 */
export const GoogleKeyField = (props: GoogleKeyFieldProps) => {
  const { credential, keyChoice, keyVisible, fileInputKey, error, onFile, onReplace } = props;
  const [dragging, setDragging] = useState(false);
  const account = credential?.serviceAccount;

  if (!keyVisible && credential && account) {
    return (
      <StoredValue label={KEY_FIELD_LABEL}>
        <KeyFactsList
          facts={{
            clientEmail: account.clientEmail,
            clientId: credential.clientId,
            privateKeyId: account.privateKeyId,
            projectId: account.projectId,
            uploadedAt: account.keyUpdatedAt,
          }}
        />
        <StoredValueAction id={REPLACE_KEY_ID} onClick={() => onReplace(true)}>
          Replace key
        </StoredValueAction>
      </StoredValue>
    );
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  };

  return (
    <Field
      id={googleFieldId('serviceAccountKey')}
      label={KEY_FIELD_LABEL}
      required
      error={error}
      hint={
        <>
          The key file Google Cloud downloaded (IAM &amp; Admin &gt; Service accounts &gt; Keys &gt; Add key &gt; JSON).
          Its private key is stored as a Forge secret and never shown again.
          {credential?.hasPrivateKey && (
            <UndoChoiceLink onClick={() => onReplace(false)}>Keep the current key</UndoChoiceLink>
          )}
        </>
      }
    >
      {(control) => (
        <div
          className={`im-drop-zone${dragging ? ' im-drop-zone--active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            {...control}
            key={fileInputKey}
            className="im-file-input"
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onFile(file);
            }}
          />
          <p className="im-secondary">or drop the file here</p>
          {keyChoice.state === 'chosen' && (
            <div className="im-drop-zone__chosen" role="status">
              <p>
                <strong>{keyChoice.fileName}</strong>: a key of this service account
              </p>
              <KeyFactsList facts={chosenFacts(keyChoice.summary)} />
            </div>
          )}
        </div>
      )}
    </Field>
  );
};
