import type { IssueEmailDraft } from '../../../src/contract/issue-email';
import { Field } from '../../shared/components/field';
import type { FieldErrors } from '../../shared/field-errors';
import { CommentsChoice } from './comments-choice';
import { latestCommentsError, type ContentValues } from './content-state';

interface ContentOptionsProps {
  draft: Pick<IssueEmailDraft, 'templates' | 'commentCount'>;
  content: ContentValues;
  errors: FieldErrors;
  onChange(patch: Partial<ContentValues>): void;
}

/** "Template" and "Include": what of the issue the email carries besides the message. */
export function ContentOptions({ draft, content, errors, onChange }: ContentOptionsProps) {
  return (
    <div className="im-content-options">
      <Field id="email-template" label="Template" error={errors.templateId}>
        {(control) => (
          <select
            {...control}
            className="im-select"
            value={content.templateId}
            onChange={(event) => onChange({ templateId: event.currentTarget.value })}
          >
            {draft.templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="im-fieldset im-choice-group">
        <legend className="im-field__label">Include</legend>
        <div className="im-choice-row">
          <label className="im-choice">
            <input
              type="checkbox"
              checked={content.includeFields}
              onChange={(event) => onChange({ includeFields: event.currentTarget.checked })}
            />{' '}
            Fields
          </label>
          <label className="im-choice">
            <input
              type="checkbox"
              checked={content.includeDescription}
              onChange={(event) => onChange({ includeDescription: event.currentTarget.checked })}
            />{' '}
            Description
          </label>
        </div>
        <CommentsChoice
          choice={content.comments}
          latest={content.latestComments}
          commentCount={draft.commentCount}
          error={latestCommentsError(content) ?? errors.latestComments ?? errors.comments}
          onChoice={(comments) => onChange({ comments })}
          onLatest={(latestComments) => onChange({ latestComments })}
        />
      </fieldset>
    </div>
  );
}
