import '../../shared/base.css';
import '../../shared/chips.css';
import '../../shared/panels.css';
import '../../shared/tabs.css';
import './admin.css';
import './credentials/google/google-credentials.css';
import './email-log/email-log.css';
import './mail-handlers/mail-handlers.css';
import './notification-rules/notification-rules.css';
import './shared/form-controls.css';
import './sending-settings/chip-picker.css';
import './shared/form-skeleton.css';
import './templates/templates.css';
import './sending-settings/sending-settings.css';

import { boot } from '../../shared/boot';
import { AdminPage } from './admin-page';

boot(<AdminPage />, { dates: true });
