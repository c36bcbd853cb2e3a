import '../../shared/base.css';
import './automation-action.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { enableProductTheme } from '../../shared/theme';
import { ActionConfigForm } from './action-config-form';

void enableProductTheme();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <ActionConfigForm />
  </StrictMode>,
);
