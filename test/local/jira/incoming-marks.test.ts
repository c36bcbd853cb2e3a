import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { createJiraEmulator, entityPropertyIndexesOf } from '../../../local/jira';
import { findMarkedComment, findMarkedIssue, incomingMark } from '../../../src/jira/incoming-marks';
import { addComment, createIssue } from '../../../src/jira/incoming-writes';
import { APP, NOW, requestJiraInto, SITE } from './helpers';

const MANIFEST = path.resolve(__dirname, '../../../manifest.yml');
const DOC = {
  type: 'doc' as const,
  version: 1 as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Thanks, it works now.' }] }],
};

describe("incoming mail's marks, written and found again through the local Jira", () => {
  // The site indexes what the app's manifest asks, as Jira does once the app is installed.
  const jira = createJiraEmulator({
    siteUrl: SITE,
    now: () => NOW,
    indexedEntityProperties: entityPropertyIndexesOf(parse(readFileSync(MANIFEST, 'utf8'))),
  });
  const asApp = requestJiraInto(jira, APP);

  it('the manifest indexes the mark for JQL', () => {
    expect(entityPropertyIndexesOf(parse(readFileSync(MANIFEST, 'utf8')))).toEqual([
      {
        entityType: 'issue',
        propertyKey: 'issue-mailer-incoming',
        values: [{ path: 'messageKey', type: 'string' }],
      },
    ]);
  });

  it('finds the issue created with a mark, by its project, and no other', async () => {
    const { key } = await createIssue(
      {
        projectKey: 'DEMO',
        issueTypeId: '10001',
        summary: 'From mail',
        description: DOC,
        property: incomingMark('k1'),
      },
      asApp,
    );
    await expect(findMarkedIssue('DEMO', 'k1', asApp)).resolves.toBe(key);
    await expect(findMarkedIssue('DEMO', 'k2', asApp)).resolves.toBeUndefined();
    await expect(findMarkedIssue('OPS', 'k1', asApp)).resolves.toBeUndefined();
  });

  it('finds the comment added with a mark', async () => {
    await addComment('DEMO-3', DOC, incomingMark('other'), asApp);
    const { id } = await addComment('DEMO-3', DOC, incomingMark('k3'), asApp);
    await addComment('DEMO-3', DOC, incomingMark('later'), asApp);
    await expect(findMarkedComment('DEMO-3', 'k3', asApp)).resolves.toBe(id);
    await expect(findMarkedComment('DEMO-3', 'k4', asApp)).resolves.toBeUndefined();
  });
});
