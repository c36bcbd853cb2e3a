import '../../shared/base.css';
import './automation-action.css';

import { boot } from '../../shared/boot';
import { ActionConfigForm } from './action-config-form';

boot(<ActionConfigForm />, { dates: false });
