import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ASSETS_DIR = path.resolve(__dirname, 'assets');

/**
 * The stylesheet's parts, by area, in cascade order: design tokens and base, the chrome (top bar, menus, side
 * navigation, buttons), the pages, the modals and flags around app frames, the host's status cards, Automation,
 * the forms.
 */
const STYLESHEETS = [
  'base.css',
  'chrome.css',
  'home.css',
  'issue.css',
  'app-frames.css',
  'host-status.css',
  'automation.css',
  'forms.css',
] as const;

/** The local Jira's stylesheet, served as one file (the pages link one URL). */
export const readJiraWebCss = async (): Promise<string> =>
  (await Promise.all(STYLESHEETS.map((name) => readFile(path.join(ASSETS_DIR, name), 'utf8')))).join('\n');
