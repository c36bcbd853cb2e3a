import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../shared/base.css';
import '../../shared/chips.css';
import '../../shared/panels.css';
import '../../shared/tabs.css';
import './issue-action.css';
import './recipients.css';
import './panels.css';
import './delivery.css';
import { enableProductTheme } from '../../shared/theme';
import { EmailDialog } from './email-dialog';

void enableProductTheme();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <EmailDialog />
  </StrictMode>,
);
