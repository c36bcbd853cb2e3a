import { useRef, useState } from 'react';

import type { ResolverError, TemplatePreview } from '../../../../src/contract';
import type { FieldErrors } from '../../../shared/field-errors';
import { previewTemplate } from '../shared/invokes';
import { previewPayload, templateErrorsFrom, type TemplateFormValues } from './template-state';

export type PreviewOutcome =
  { kind: 'rendered'; preview: TemplatePreview } | { kind: 'error'; error: ResolverError } | null;

/**
 * Renders the editor's current text against an issue (or the sample issue). Only the latest request's answer is
 * shown, so a slow preview cannot overwrite a newer one.
 */
export const useTemplatePreview = (onFieldErrors: (errors: FieldErrors) => void) => {
  const [issueKey, setIssueKey] = useState('');
  const [issueKeyError, setIssueKeyError] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<PreviewOutcome>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const changeIssueKey = (value: string) => {
    setIssueKey(value);
    setIssueKeyError(undefined);
  };

  const run = async (values: TemplateFormValues) => {
    const prepared = previewPayload(values, issueKey);
    if (!prepared.ok) {
      const { issueKey: keyError, ...fieldErrors } = prepared.errors;
      setIssueKeyError(keyError);
      if (Object.keys(fieldErrors).length > 0) onFieldErrors(fieldErrors);
      return;
    }
    const request = ++latest.current;
    setBusy(true);
    setIssueKeyError(undefined);
    const result = await previewTemplate(prepared.payload);
    if (request !== latest.current) return;
    setBusy(false);
    if (result.ok) {
      setOutcome({ kind: 'rendered', preview: result.data });
      return;
    }
    setOutcome({ kind: 'error', error: result.error });
    setIssueKeyError(result.error.fieldErrors?.issueKey);
    const { fields } = templateErrorsFrom(result.error);
    if (Object.keys(fields).length > 0) onFieldErrors(fields);
  };

  return { issueKey, changeIssueKey, issueKeyError, outcome, busy, run };
};
