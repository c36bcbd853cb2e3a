import type { AutomationConfigFunctions } from '../../../src/contract/functions';
import { createTypedInvoke } from '../../shared/typed-invoke';

/** Every call the "Send issue email" configuration form makes to `automation-config`. */
const call = createTypedInvoke<AutomationConfigFunctions>();

export const getActionOptions = () => call('getActionOptions', {});
