import type { TemplateView } from '../../../../src/contract';
import { withCurrent } from '../../../shared/choices';
import { ChoiceSelect } from '../../../shared/components/choice-select';
import { isBuiltIn } from '../templates/template-state';
import type { TemplateListLoad } from '../templates/use-template-list';
import { ruleFieldId } from './notification-rule-state';

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
    <ChoiceSelect
      id={ruleFieldId('templateId')}
      label="Template"
      required
      value={templateId}
      choices={choices}
      hint={templateHint(templatesLoad)}
      error={error}
      emptyLabel="Choose a template"
      onChange={onChange}
    />
  );
};
