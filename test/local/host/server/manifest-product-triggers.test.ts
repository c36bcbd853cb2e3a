import { HandlerNotFoundError, resolveProductTriggerHandlers } from '../../../../local/host/server/app-handlers';
import { type AppManifest, ManifestError } from '../../../../local/host/server/manifest-modules';
import { useTempManifests } from './fixtures/temp-manifest';

describe('trigger modules (product events) in the manifest', () => {
  const manifests = useTempManifests('manifest-product-triggers-');
  const load = (modules: string) => manifests.load(`app: { id: x }\nmodules:\n${modules}`);

  it("reads each module's events, its ignoreSelf, and its function's timeoutSeconds", async () => {
    const { result } = await load(
      [
        '  trigger:',
        '    - key: issue-events',
        '      function: events-fn',
        '      events: [avi:jira:created:issue, avi:jira:commented:issue]',
        '      filter: { ignoreSelf: true }',
        '    - key: per-event',
        '      function: other-fn',
        '      events:',
        '        - { eventType: avi:jira:updated:issue, filter: { ignoreSelf: true } }',
        '        - { eventType: avi:jira:commented:issue, filter: { ignoreSelf: false } }',
        '    - key: plain',
        '      function: other-fn',
        '      events: [avi:jira:created:issue]',
        '  function:',
        '    - { key: events-fn, handler: index.events, timeoutSeconds: 20 }',
        '    - { key: other-fn, handler: index.other }',
        '',
      ].join('\n'),
    );
    expect((result as AppManifest).productTriggers).toEqual([
      {
        key: 'issue-events',
        functionKey: 'events-fn',
        events: [
          { eventType: 'avi:jira:created:issue', ignoreSelf: true },
          { eventType: 'avi:jira:commented:issue', ignoreSelf: true },
        ],
        timeoutSeconds: 20,
      },
      {
        key: 'per-event',
        functionKey: 'other-fn',
        events: [
          { eventType: 'avi:jira:updated:issue', ignoreSelf: true },
          { eventType: 'avi:jira:commented:issue', ignoreSelf: false },
        ],
        timeoutSeconds: undefined,
      },
      {
        key: 'plain',
        functionKey: 'other-fn',
        events: [{ eventType: 'avi:jira:created:issue', ignoreSelf: false }],
        timeoutSeconds: undefined,
      },
    ]);
    const events = async () => undefined;
    const other = async () => undefined;
    expect([...resolveProductTriggerHandlers(result as AppManifest, { events, other })]).toEqual([
      ['events-fn', events],
      ['other-fn', other],
    ]);
    expect(() => resolveProductTriggerHandlers(result as AppManifest, { events })).toThrow(HandlerNotFoundError);
  });

  it('has no product triggers when the manifest declares none', async () => {
    const { result } = await load('  function:\n    - { key: f, handler: index.f }\n');
    expect((result as AppManifest).productTriggers).toEqual([]);
  });

  it.each([
    [
      'an unknown function',
      '  trigger:\n    - { key: t, function: nope, events: [avi:jira:created:issue] }\n',
      'trigger t names unknown function nope.',
    ],
    [
      'an event listed twice',
      '  trigger:\n    - { key: t, function: f, events: [avi:jira:created:issue, avi:jira:created:issue] }\n  function:\n    - { key: f, handler: index.f }\n',
      'trigger t lists event avi:jira:created:issue twice.',
    ],
    [
      'a Jira expression filter, which the local host cannot evaluate',
      '  trigger:\n    - { key: t, function: f, events: [avi:jira:created:issue], filter: { expression: "event.issue != null" } }\n  function:\n    - { key: f, handler: index.f }\n',
      'modules.trigger.0.filter.expression: filter.expression (a Jira expression) is not supported by the local host',
    ],
    [
      'no events',
      '  trigger:\n    - { key: t, function: f, events: [] }\n  function:\n    - { key: f, handler: index.f }\n',
      'modules.trigger.0.events: Invalid input',
    ],
    [
      'a remote endpoint instead of a function',
      '  trigger:\n    - { key: t, endpoint: remote, events: [avi:jira:created:issue] }\n',
      'modules.trigger.0.function: Invalid input: expected string, received undefined',
    ],
  ])('refuses %s', async (_case, modules, message) => {
    const { file, result } = await load(modules);
    expect(result).toBeInstanceOf(ManifestError);
    expect((result as ManifestError).message).toBe(`${file}: ${message}`);
  });
});
