import path from 'node:path';

import { readAutomationActions } from '../../../../local/host/server/manifest-actions';
import { loadAppManifest, ManifestError } from '../../../../local/host/server/manifest-modules';
import { useTempManifests } from './fixtures/temp-manifest';

const FIXTURE = path.join(__dirname, 'fixtures/automation-manifest.yml');
const PROJECT_MANIFEST = path.resolve(__dirname, '../../../../manifest.yml');

describe('Automation actions in the manifest', () => {
  it('reads the actions the providers list, in their order, once each, with inputs, form and resolver', async () => {
    const manifest = await loadAppManifest(FIXTURE);
    expect(manifest.automationActions).toEqual([
      {
        key: 'echo-action',
        name: 'Echo issue',
        functionKey: 'echo-fn',
        actionVerb: 'TRIGGER',
        description: 'Answers what it received.',
        inputs: [
          {
            name: 'issueKey',
            title: 'Issue',
            type: 'string',
            required: true,
            description: 'The issue, usually {{issue.key}}',
          },
          { name: 'note', title: 'Note', type: 'string', required: false, description: undefined },
          { name: 'count', title: 'Count', type: 'integer', required: false, description: undefined },
        ],
        resourceKey: 'echo-form',
        resolverFunctionKey: 'form-resolver',
        providerKey: 'fixture-actions',
      },
      {
        key: 'failing-action',
        name: 'Refuse',
        functionKey: 'failing-fn',
        actionVerb: 'UPDATE',
        description: 'Answers errors.',
        inputs: [{ name: 'reason', title: 'Reason', type: 'string', required: false, description: undefined }],
        resourceKey: undefined,
        resolverFunctionKey: undefined,
        providerKey: 'fixture-actions',
      },
      {
        key: 'throwing-action',
        name: 'Crash',
        functionKey: 'throwing-fn',
        actionVerb: 'DELETE',
        description: 'Throws.',
        inputs: [],
        resourceKey: undefined,
        resolverFunctionKey: undefined,
        providerKey: 'more-actions',
      },
    ]);
  });

  it("reads the project's 'Send issue email' action", async () => {
    const manifest = await loadAppManifest(PROJECT_MANIFEST);
    expect(
      manifest.automationActions.map(({ key, functionKey, resourceKey, resolverFunctionKey, providerKey, inputs }) => ({
        key,
        functionKey,
        resourceKey,
        resolverFunctionKey,
        providerKey,
        inputs: inputs.map((input) => [input.name, input.title, input.type, input.required]),
      })),
    ).toEqual([
      {
        key: 'send-issue-email',
        functionKey: 'automation-send-email',
        resourceKey: 'automation-action',
        resolverFunctionKey: 'automation-config',
        providerKey: 'issue-mailer-actions',
        inputs: [
          ['issueKey', 'Issue', 'string', true],
          ['recipients', 'Recipients', 'string', true],
          ['template', 'Template', 'string', false],
          ['mailbox', 'Sender mailbox', 'string', false],
          ['message', 'Message', 'string', false],
        ],
      },
    ]);
    expect(manifest.resources.get('automation-action')).toBe('static/automation-action/dist');
  });

  it('reads a manifest without Automation modules as no actions', () => {
    expect(readAutomationActions({}, { functions: new Map(), resources: new Map() })).toEqual({
      ok: true,
      actions: [],
    });
  });

  describe('refuses what Automation would refuse', () => {
    const manifests = useTempManifests('manifest-actions-');

    const ACTION = [
      '    - key: act',
      '      name: Act',
      '      function: act-fn',
      '      actionVerb: CREATE',
      '      description: Does it.',
      '      inputs: { text: { title: Text, type: string, required: true } }',
    ];
    const FUNCTIONS = ['  function:', '    - { key: act-fn, handler: index.act }'];
    const PROVIDER = ['  automation:actionProvider:', '    - { key: provider, actions: [act] }'];

    const load = (lines: string[]) =>
      manifests.load(
        ['app: { id: x }', 'resources: [{ key: form, path: static/form }]', 'modules:', ...lines, ''].join('\n'),
      );

    it.each([
      [
        'a provider naming an unknown action',
        [
          '  automation:actionProvider:',
          '    - { key: provider, actions: [act, missing] }',
          '  action:',
          ...ACTION,
          ...FUNCTIONS,
        ],
        'action provider provider lists unknown action missing.',
      ],
      [
        'an unknown function',
        [...PROVIDER, '  action:', ...ACTION, '  function: []'],
        'action act names unknown function act-fn.',
      ],
      [
        'an unknown form resource',
        [...PROVIDER, '  action:', ...ACTION, '      config: { resource: nowhere }', ...FUNCTIONS],
        'action act names unknown resource nowhere.',
      ],
      [
        'an unknown resolver function',
        [...PROVIDER, '  action:', ...ACTION, '      resolver: { function: nope }', ...FUNCTIONS],
        'action act names unknown function nope.',
      ],
      [
        'an action declared twice',
        [...PROVIDER, '  action:', ...ACTION, ...ACTION, ...FUNCTIONS],
        'action act is declared twice.',
      ],
      [
        'an input type Automation does not know',
        [
          ...PROVIDER,
          '  action:',
          ...ACTION.slice(0, 5),
          '      inputs: { text: { title: Text, type: date, required: true } }',
          ...FUNCTIONS,
        ],
        'modules.action.0.inputs.text.type: Invalid option: expected one of "string"|"integer"|"number"|"boolean"',
      ],
      [
        'an input without required',
        [
          ...PROVIDER,
          '  action:',
          ...ACTION.slice(0, 5),
          '      inputs: { text: { title: Text, type: string } }',
          ...FUNCTIONS,
        ],
        'modules.action.0.inputs.text.required: Invalid input: expected boolean, received undefined',
      ],
      [
        'an unknown verb',
        [...PROVIDER, '  action:', ...ACTION.slice(0, 3), '      actionVerb: SEND', ...ACTION.slice(4), ...FUNCTIONS],
        'modules.action.0.actionVerb: Invalid option: expected one of "GET"|"CREATE"|"UPDATE"|"DELETE"|"TRIGGER"',
      ],
      [
        'a Forge remote endpoint instead of a function',
        [
          ...PROVIDER,
          '  action:',
          ...ACTION.slice(0, 2),
          '      endpoint: remote-fn',
          ...ACTION.slice(3),
          ...FUNCTIONS,
        ],
        'modules.action.0.function: the local host runs actions that name a function (not a Forge remote endpoint)',
      ],
    ])('refuses %s', async (_what, lines, message) => {
      const { file, result } = await load(lines);
      expect(result).toBeInstanceOf(ManifestError);
      expect(result).toMatchObject({ code: 'MANIFEST_INVALID', message: `${file}: ${message}` });
    });

    it('refuses more than 20 actions', () => {
      const functions = new Map([['fn', 'index.fn']]);
      const action = (n: number) => ({
        key: `a${n}`,
        name: `A${n}`,
        function: 'fn',
        actionVerb: 'GET',
        description: 'd',
        inputs: {},
      });
      const keys = Array.from({ length: 21 }, (_, n) => n);
      const modules = {
        action: keys.map(action),
        'automation:actionProvider': [{ key: 'p', actions: keys.map((n) => `a${n}`) }],
      };
      expect(readAutomationActions(modules, { functions, resources: new Map() })).toEqual({
        ok: false,
        message: 'action providers list 21 actions; Automation takes at most 20 from one app.',
      });
      modules['automation:actionProvider'][0]?.actions.pop();
      expect(readAutomationActions(modules, { functions, resources: new Map() })).toMatchObject({ ok: true });
    });
  });
});
