import '../../shared/base.css';
import '../../shared/chips.css';
import '../../shared/panels.css';
import '../../shared/tabs.css';
import './issue-action.css';
import './recipients.css';
import './panels.css';
import './delivery.css';

import { boot } from '../../shared/boot';
import { EmailDialog } from './email-dialog';

boot(<EmailDialog />, { dates: true });
