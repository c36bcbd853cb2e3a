import type { LocalHost } from '../../local/host';
import type { TemplatePreview, TemplateView } from '../../src/contract/templates';
import { BUILT_IN_TEMPLATE } from '../../src/templates/built-in-template';
import { DEADLINE_MESSAGE, RUNAWAY_BODY } from '../support/runaway-template';
import { type Answer, dataOf, invokeAs, useLocalHost } from './support/host-invoke';

/*
 * The local host runs the app's TypeScript sources in function worker processes, as Forge runs a container: a
 * runaway template is stopped there by the render thread's deadline, and the same function then answers the
 * next request.
 */
jest.setTimeout(90_000);

let host: LocalHost;
useLocalHost('render-deadline', (started) => {
  host = started;
});

const admin = <T>(functionKey: string, payload: unknown): Promise<Answer<T>> =>
  invokeAs<T>(host, { moduleKey: 'issue-mailer-admin', functionKey, payload });

const STOPPED = {
  ok: false,
  error: {
    code: 'TEMPLATE_LIMIT_EXCEEDED',
    message: 'The template goes over one of Issue Mailer’s limits. Change the highlighted part and save again.',
    fieldErrors: { body: DEADLINE_MESSAGE },
  },
};

describe('the render deadline in the local host’s function workers', () => {
  it('stops a runaway preview and a runaway save, and keeps answering', async () => {
    const normal = dataOf(
      await admin<TemplatePreview>('previewTemplate', {
        subject: BUILT_IN_TEMPLATE.subject,
        body: BUILT_IN_TEMPLATE.body,
      }),
    );
    expect(normal.html).toContain('</html>');

    expect(await admin('previewTemplate', { subject: 'Runaway', body: RUNAWAY_BODY })).toEqual(STOPPED);
    expect(await admin('saveTemplate', { name: 'Runaway', subject: 'Runaway', body: RUNAWAY_BODY })).toEqual(STOPPED);

    expect(
      dataOf(
        await admin<TemplatePreview>('previewTemplate', {
          subject: BUILT_IN_TEMPLATE.subject,
          body: BUILT_IN_TEMPLATE.body,
        }),
      ),
    ).toEqual(normal);
    const saved = dataOf(
      await admin<TemplateView>('saveTemplate', {
        name: 'Plain',
        subject: '{{ issue.key }}',
        body: '<p>{{ issue.summary }}</p>',
      }),
    );
    expect(saved.name).toBe('Plain');
    expect(dataOf(await admin<TemplateView[]>('listTemplates', {})).map((template) => template.name)).toEqual([
      BUILT_IN_TEMPLATE.name,
      'Plain',
    ]);
  });
});
