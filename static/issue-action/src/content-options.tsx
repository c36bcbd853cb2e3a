import type { IssueEmailDraft, TemplateUses } from '../../../src/contract/issue-email';
import { Field } from '../../shared/components/field';
import type { FieldErrors } from '../../shared/field-errors';
import { CommentsChoice } from './comments-choice';
import { type ContentValues, latestCommentsError, templateUses } from './content-state';

interface ContentOptionsProps {
  draft: Pick<IssueEmailDraft, 'templates' | 'commentCount'>;
  content: ContentValues;
  errors: FieldErrors;
  onChange: (patch: Partial<ContentValues>) => void;
}

const CHOICE_NAMES: ReadonlyArray<[keyof TemplateUses, string]> = [
  ['fields', 'Fields'],
  ['description', 'Description'],
  ['comments', 'Comments'],
];

const joined = (names: readonly string[]): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/**
 * Why choices are missing: they are hidden, not disabled, for a template that does not look at them (ticking them
 * would change nothing in the email), and this says so beside the template.
 */
export const ignoredChoicesNote = (templateName: string, uses: TemplateUses): string | undefined => {
  const ignored = CHOICE_NAMES.filter(([choice]) => !uses[choice]).map(([, name]) => name);
  if (ignored.length === 0) return undefined;
  const names = joined(ignored.map((name, index) => (index === 0 ? name : name.toLowerCase())));
  return `${names} ${ignored.length === 1 ? 'is' : 'are'} not offered: the “${templateName}” template decides this content itself.`;
};

/** "Template" and "Include": what of the issue the email carries besides the message. */
export const ContentOptions = ({ draft, content, errors, onChange }: ContentOptionsProps) => {
  const uses = templateUses(draft, content.templateId);
  const templateName = draft.templates.find((template) => template.id === content.templateId)?.name ?? '';
  const anyChoice = uses.fields || uses.description || uses.comments;
  return (
    <div className="im-content-options">
      <Field
        id="email-template"
        label="Template"
        hint={ignoredChoicesNote(templateName, uses)}
        error={errors.templateId}
      >
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
      {anyChoice && (
        <fieldset className="im-fieldset im-choice-group">
          <legend className="im-field__label">Include</legend>
          {(uses.fields || uses.description) && (
            <div className="im-choice-row">
              {uses.fields && (
                <label className="im-choice">
                  <input
                    type="checkbox"
                    checked={content.includeFields}
                    onChange={(event) => onChange({ includeFields: event.currentTarget.checked })}
                  />{' '}
                  Fields
                </label>
              )}
              {uses.description && (
                <label className="im-choice">
                  <input
                    type="checkbox"
                    checked={content.includeDescription}
                    onChange={(event) => onChange({ includeDescription: event.currentTarget.checked })}
                  />{' '}
                  Description
                </label>
              )}
            </div>
          )}
          {uses.comments && (
            <CommentsChoice
              choice={content.comments}
              latest={content.latestComments}
              commentCount={draft.commentCount}
              error={latestCommentsError(content) ?? errors.latestComments ?? errors.comments}
              onChoice={(comments) => onChange({ comments })}
              onLatest={(latestComments) => onChange({ latestComments })}
            />
          )}
        </fieldset>
      )}
    </div>
  );
};
