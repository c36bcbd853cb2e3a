import type { TemplateView } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { isBuiltIn } from '../templates/template-state';
import type { TemplateListLoad } from '../templates/use-template-list';
import { ruleFieldId, withCurrent } from './notification-rule-state';

interface RuleTemplateFieldProps {
  templateId: string;
  templates: readonly TemplateView[];
  templatesLoad: TemplateListLoad;
  error: string | undefined;
  onChange: (templateId: string) => void;
}

const templateHint = (load: TemplateListLoad) => {
  if (load.state === 'failed') return `Templates could not be loaded: ${load.error.message}`;
  if (load.state === 'loading') return 'Loading templates…';
  return 'The subject and body of the email. Templates are edited under Email templates.';
};

/** "Template": the email's subject and body; a stored template the list no longer holds stays chosen. */
export const RuleTemplateField = ({
  templateId,
  templates,
  templatesLoad,
  error,
  onChange,
}: RuleTemplateFieldProps) => {
  const choices = withCurrent(
    templates.map((template) => ({
      value: template.id,
      label: isBuiltIn(template) ? `${template.name} (built-in)` : template.name,
    })),
    templateId,
    templatesLoad.state === 'loaded' ? `Unknown template (${templateId})` : templateId,
  );
  return (
    <Field id={ruleFieldId('templateId')} label="Template" required error={error} hint={templateHint(templatesLoad)}>
      {(control) => (
        <select
          {...control}
          className="im-select"
          value={templateId}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          <option value="">Choose a template</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
};
