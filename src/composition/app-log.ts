/** The app's log lines: Forge keeps what a function writes to the console. */
export const appLog = (line: string): void => console.warn(`[issue-mailer] ${line}`);
