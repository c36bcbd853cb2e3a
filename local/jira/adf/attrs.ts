/** An attribute ADF types as a string: its value, or undefined when it is absent or not a string. */
export const stringAttr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const PANEL_COLOURS: Record<string, string> = {
  info: '#deebff',
  note: '#eae6ff',
  warning: '#fffae6',
  success: '#e3fcef',
  error: '#ffebe6',
};

/** The background colour Jira renders a panel of this panelType with (an info panel's when unknown). */
export const panelColour = (panelType: unknown): string => PANEL_COLOURS[stringAttr(panelType) ?? 'info'] ?? '#deebff';
