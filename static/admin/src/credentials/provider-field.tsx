import { MICROSOFT_CLOUD_KEYS, MICROSOFT_CLOUDS, type MicrosoftCloud } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { fieldId } from './form-fields';
import { isCloud } from './form-state';

interface ProviderFieldProps {
  provider: MicrosoftCloud;
  error: string | undefined;
  /** Called with a known cloud only; the form fills in that cloud's defaults. */
  onChoose: (provider: MicrosoftCloud) => void;
}

/** "OAuth2 service provider": the Microsoft cloud, which sets the sign-in and Graph hosts. */
export const ProviderField = ({ provider, error, onChoose }: ProviderFieldProps) => (
  <Field
    id={fieldId('provider')}
    label="OAuth2 service provider"
    required
    error={error}
    hint="The Microsoft cloud your tenant lives in: it sets the sign-in and Graph hosts."
  >
    {(control) => (
      <select
        {...control}
        className="im-select"
        value={provider}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          if (!isCloud(chosen)) return;
          onChoose(chosen);
        }}
      >
        {MICROSOFT_CLOUD_KEYS.map((key) => (
          <option key={key} value={key}>
            {MICROSOFT_CLOUDS[key].label}
          </option>
        ))}
      </select>
    )}
  </Field>
);
