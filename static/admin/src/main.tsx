import '../../shared/base.css';
import '../../shared/chips.css';
import '../../shared/panels.css';
import '../../shared/tabs.css';
import './admin.css';
import './email-log/email-log.css';
import './notification-rules/notification-rules.css';
import './shared/form-controls.css';
import './sending-settings/chip-picker.css';
import './shared/form-skeleton.css';
import './templates/templates.css';
import './sending-settings/sending-settings.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { loadDateSettings } from '../../shared/date-settings';
import { enableProductTheme } from '../../shared/theme';
import { AdminPage } from './admin-page';

void enableProductTheme();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
// Dates in the user's locale and time zone from the first render on.
void loadDateSettings().then(() =>
  createRoot(container).render(
    <StrictMode>
      <AdminPage />
    </StrictMode>,
  ),
);
