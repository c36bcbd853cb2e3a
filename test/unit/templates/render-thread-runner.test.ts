import path from 'node:path';

import { BUILT_IN_TEMPLATE } from '../../../src/templates/built-in-template';
import { load } from '../../../src/templates/cheerio-slim.cjs';
import { checkInlineBounds } from '../../../src/templates/inline-bounds';
import { htmlEngine, parseTemplate, renderTemplate } from '../../../src/templates/liquid-engine';
import { renderEmail } from '../../../src/templates/render-email';
import {
  createRenderThreadRunner,
  preloadFromEnv,
  RENDER_THREAD_PRELOAD_ENV,
  type RenderThreadRunner,
} from '../../../src/templates/render-thread-runner';
import { SAMPLE_ISSUE_DATA } from '../../../src/templates/sample-issue';
import { buildTemplateContext } from '../../../src/templates/template-data';
import { TemplateError } from '../../../src/templates/template-errors';
import { DEADLINE_MESSAGE, RUNAWAY_BODY } from '../../support/runaway-template';
import { issueData, rejection } from './template-fixtures';

/** The thread loads TypeScript sources here; tsx's require hook is what the local host gives it too. */
const PRELOAD = [require.resolve('tsx/cjs')];
const RUNAWAY_THREAD = path.join(__dirname, 'support', 'runaway-render-thread.ts');

const NORMAL = { subject: BUILT_IN_TEMPLATE.subject, body: BUILT_IN_TEMPLATE.body };

const expectStopped = (error: unknown, message: string): void => {
  expect(error).toBeInstanceOf(TemplateError);
  const templateError = error as TemplateError;
  expect(templateError.code).toBe('TEMPLATE_LIMIT_EXCEEDED');
  expect(templateError.limit).toBe('render-deadline');
  expect(templateError.fieldErrors).toEqual({ body: message });
};

describe('the render thread', () => {
  let runner: RenderThreadRunner;
  beforeAll(() => {
    runner = createRenderThreadRunner({ preload: PRELOAD });
  });
  afterAll(() => runner.close());

  it('renders the built-in template byte for byte as rendering in this thread does', async () => {
    const data = issueData({
      issue: { descriptionHtml: '<p>See <img src="/rest/api/3/attachment/content/10010" alt="shot"></p>' },
      inlineImages: new Map([['10010', 'image-10010@issue-mailer']]),
    });
    const inThread = await renderEmail(NORMAL, data);
    expect(inThread.html).toContain('src="cid:image-10010@issue-mailer"');
    await expect(runner.render(NORMAL, data)).resolves.toEqual(inThread);
    await expect(runner.render(NORMAL, SAMPLE_ISSUE_DATA)).resolves.toEqual(
      await renderEmail(NORMAL, SAMPLE_ISSUE_DATA),
    );
  });

  it('gives a template error back as the same TemplateError: code, field, position, message', async () => {
    const broken = { subject: '{{ issue.key }}', body: '<p>\n  {% if issue.status %}open' };
    const expected = (await rejection(renderEmail(broken, SAMPLE_ISSUE_DATA))) as TemplateError;
    const error = (await rejection(runner.render(broken, SAMPLE_ISSUE_DATA))) as TemplateError;
    expect(error).toBeInstanceOf(TemplateError);
    expect([error.code, error.field, error.line, error.column, error.message, error.limit]).toEqual([
      expected.code,
      expected.field,
      expected.line,
      expected.column,
      expected.message,
      undefined,
    ]);
    const overLimit = { subject: '', body: '{% for i in (1..20001) %}{% endfor %}' };
    const limitError = (await rejection(runner.render(overLimit, SAMPLE_ISSUE_DATA))) as TemplateError;
    expect([limitError.code, limitError.limit, limitError.message]).toEqual([
      'TEMPLATE_LIMIT_EXCEEDED',
      'range-items',
      ((await rejection(renderEmail(overLimit, SAMPLE_ISSUE_DATA))) as TemplateError).message,
    ]);
  });

  it('stops inlining that no cap foresaw at the deadline, then renders the next email', async () => {
    // The caps pass this body: only the deadline can stop it.
    const rendered = await renderTemplate(
      htmlEngine,
      parseTemplate(htmlEngine, RUNAWAY_BODY),
      buildTemplateContext(SAMPLE_ISSUE_DATA),
    );
    expect(() => checkInlineBounds(load(rendered))).not.toThrow();

    const error = await rejection(runner.render({ subject: 'Runaway', body: RUNAWAY_BODY }, SAMPLE_ISSUE_DATA));
    expectStopped(error, DEADLINE_MESSAGE);
    await expect(runner.render(NORMAL, SAMPLE_ISSUE_DATA)).resolves.toEqual(
      await renderEmail(NORMAL, SAMPLE_ISSUE_DATA),
    );
  }, 60_000);
});

describe('the render thread with a step no cap bounds (injected)', () => {
  let runner: RenderThreadRunner;
  beforeAll(() => {
    runner = createRenderThreadRunner({ entry: RUNAWAY_THREAD, preload: PRELOAD, deadlineMs: 1000, heapMb: 32 });
  });
  afterAll(() => runner.close());

  it('terminates a synchronous loop at the deadline and answers the emails queued behind it', async () => {
    const spinning = runner.render({ subject: '', body: 'SPIN' }, SAMPLE_ISSUE_DATA);
    const next = runner.render(NORMAL, SAMPLE_ISSUE_DATA);
    expectStopped(
      await rejection(spinning),
      'The email took more than 1 second to render and was stopped (a loop that never ends, or <style> rules too costly for its elements?).',
    );
    await expect(next).resolves.toEqual(await renderEmail(NORMAL, SAMPLE_ISSUE_DATA));
  }, 60_000);

  it('stops a render that outgrows the thread’s heap, and renders again afterwards', async () => {
    const error = (await rejection(runner.render({ subject: '', body: 'HOARD' }, SAMPLE_ISSUE_DATA))) as TemplateError;
    expect(error).toBeInstanceOf(TemplateError);
    expect([error.code, error.limit, error.fieldErrors]).toEqual([
      'TEMPLATE_LIMIT_EXCEEDED',
      'render-memory',
      { body: 'The email needed more memory to render than one email may use and was stopped.' },
    ]);
    await expect(runner.render(NORMAL, SAMPLE_ISSUE_DATA)).resolves.toEqual(
      await renderEmail(NORMAL, SAMPLE_ISSUE_DATA),
    );
  }, 60_000);
});

describe('preloadFromEnv', () => {
  it('reads the comma-separated modules a host names', () => {
    expect(preloadFromEnv({ [RENDER_THREAD_PRELOAD_ENV]: ' /a/tsx/cjs.cjs , ,/b.cjs' })).toEqual([
      '/a/tsx/cjs.cjs',
      '/b.cjs',
    ]);
    expect(preloadFromEnv({})).toEqual([]);
  });
});
