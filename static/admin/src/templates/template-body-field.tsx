import type { RefObject } from 'react';

import { Field } from '../../../shared/components/field';
import { CodeTextarea, type CodeTextareaHandle } from './code-textarea';
import { bodySizeText, errorPosition, templateFieldId } from './template-state';

interface TemplateBodyFieldProps {
  editorRef: RefObject<CodeTextareaHandle | null>;
  value: string;
  readOnly: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** "HTML body": the code editor, its size, and a way to the line a Liquid error names. */
export const TemplateBodyField = ({ editorRef, value, readOnly, error, onChange }: TemplateBodyFieldProps) => {
  const bodyErrorAt = errorPosition(error);
  return (
    <Field
      id={templateFieldId('body')}
      label="HTML body"
      required={!readOnly}
      error={error}
      hint={
        <>
          HTML with Liquid. {bodySizeText(value)}. Tab indents; press Escape, then Tab, to move on.
          {bodyErrorAt && (
            <>
              {' '}
              <button type="button" className="im-link-button" onClick={() => editorRef.current?.goTo(bodyErrorAt)}>
                Go to line {bodyErrorAt.line}
              </button>
            </>
          )}
        </>
      }
    >
      {(control) => (
        <CodeTextarea
          ref={editorRef}
          control={control}
          label="HTML body"
          value={value}
          readOnly={readOnly}
          errorLine={bodyErrorAt?.line ?? null}
          onChange={onChange}
        />
      )}
    </Field>
  );
};
