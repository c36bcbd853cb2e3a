import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../../../src/contract';
import {
  CHOOSE_PROJECT_MESSAGE,
  CHOOSE_TEMPLATE_MESSAGE,
  duplicateProjectMessage,
  duplicateSenderProjectMessage,
  hasSettingsErrors,
  NOBODY_MAY_SEND_MESSAGE,
  sameSettings,
  settingsErrorsFromServer,
  type SettingsFormValues,
  settingsValuesFrom,
  toMailSettings,
  validateSettings,
  withChosen,
  withoutChosen,
} from '../../../static/admin/src/sending-settings/settings-state';

const keys = () => {
  let count = 0;
  return () => `row${++count}`;
};

const STORED: MailSettings = {
  commentAfterSend: false,
  whoMaySend: {
    mode: 'restricted',
    groups: [{ id: 'g-1', name: 'jira-servicedesk-users' }],
    projectRoles: [{ id: 10002, name: 'Developers' }],
  },
  projectTemplates: [
    { projectKey: 'DEMO', templateId: 'support' },
    { projectKey: 'OPS', templateId: 'built-in' },
  ],
  automationCredentialIds: ['cred-2'],
  senderCredentialIds: ['cred-3'],
  projectSenders: [{ projectKey: 'DEMO', credentialIds: ['cred-2'] }],
};

const FORM: SettingsFormValues = {
  commentAfterSend: false,
  mode: 'restricted',
  groups: [{ id: 'g-1', name: 'jira-servicedesk-users' }],
  projectRoles: [{ id: 10002, name: 'Developers' }],
  rows: [
    { key: 'row1', projectKey: 'DEMO', templateId: 'support' },
    { key: 'row2', projectKey: 'OPS', templateId: 'built-in' },
  ],
  automationCredentialIds: ['cred-2'],
  senderCredentialIds: ['cred-3'],
  senderRows: [{ key: 'row3', projectKey: 'DEMO', credentialIds: ['cred-2'] }],
};

describe('settingsValuesFrom and toMailSettings', () => {
  it('gives each stored project default a row key', () => {
    expect(settingsValuesFrom(STORED, keys())).toEqual(FORM);
  });

  it('starts with no groups or roles when everyone may send', () => {
    expect(settingsValuesFrom(DEFAULT_MAIL_SETTINGS, keys())).toEqual({
      commentAfterSend: true,
      mode: 'everyone',
      groups: [],
      projectRoles: [],
      rows: [],
      automationCredentialIds: [],
      senderCredentialIds: [],
      senderRows: [],
    });
  });

  it('leaves the mailboxes for people out while none besides the default is chosen', () => {
    expect(toMailSettings({ ...FORM, senderCredentialIds: [] }).settings).not.toHaveProperty('senderCredentialIds');
  });

  it('saves what it loaded', () => {
    expect(toMailSettings(FORM)).toEqual({ settings: STORED, rowKeys: ['row1', 'row2'], senderRowKeys: ['row3'] });
  });

  it('leaves out the groups and roles kept while "Everyone" is chosen', () => {
    expect(toMailSettings({ ...FORM, mode: 'everyone' }).settings.whoMaySend).toEqual({ mode: 'everyone' });
  });

  it('drops blank rows and says which form row each saved entry came from', () => {
    const values: SettingsFormValues = {
      ...FORM,
      rows: [
        { key: 'row1', projectKey: '', templateId: '' },
        { key: 'row2', projectKey: 'OPS', templateId: 'built-in' },
        { key: 'row3', projectKey: '', templateId: '' },
        { key: 'row4', projectKey: 'DEMO', templateId: 'support' },
      ],
    };
    expect(toMailSettings(values)).toEqual({
      settings: {
        ...STORED,
        projectTemplates: [
          { projectKey: 'OPS', templateId: 'built-in' },
          { projectKey: 'DEMO', templateId: 'support' },
        ],
      },
      rowKeys: ['row2', 'row4'],
      senderRowKeys: ['row3'],
    });
  });
});

describe('validateSettings', () => {
  it('accepts the stored settings', () => {
    const errors = validateSettings(FORM);
    expect(errors).toEqual({ fields: {}, rows: {}, other: [] });
    expect(hasSettingsErrors(errors)).toBe(false);
  });

  it('refuses a restriction that would let nobody send', () => {
    expect(validateSettings({ ...FORM, groups: [], projectRoles: [] }).fields).toEqual({
      whoMaySend: NOBODY_MAY_SEND_MESSAGE,
    });
    expect(validateSettings({ ...FORM, mode: 'everyone', groups: [], projectRoles: [] }).fields).toEqual({});
  });

  it.each([
    ['a project without a template', { projectKey: 'OPS', templateId: '' }, { templateId: CHOOSE_TEMPLATE_MESSAGE }],
    ['a template without a project', { projectKey: '', templateId: 'support' }, { projectKey: CHOOSE_PROJECT_MESSAGE }],
    [
      'a project chosen twice',
      { projectKey: 'DEMO', templateId: 'built-in' },
      { projectKey: duplicateProjectMessage('DEMO') },
    ],
  ])('refuses %s on its row', (_what, row, rowErrors) => {
    const rows = [
      { key: 'row1', projectKey: 'DEMO', templateId: 'support' },
      { key: 'row9', ...row },
    ];
    const values = { ...FORM, rows };
    expect(validateSettings(values)).toEqual({ fields: {}, rows: { row9: rowErrors }, other: [] });
  });

  it.each([
    ['mailboxes without a project', { projectKey: '', credentialIds: ['cred-2'] }, CHOOSE_PROJECT_MESSAGE],
    [
      'a project given its own mailboxes twice',
      { projectKey: 'DEMO', credentialIds: [] },
      duplicateSenderProjectMessage('DEMO'),
    ],
  ])('refuses %s on its "Other mailboxes for a project" row', (_what, row, message) => {
    const values = { ...FORM, senderRows: [...FORM.senderRows, { key: 'row9', ...row }] };
    expect(validateSettings(values)).toEqual({ fields: {}, rows: { row9: { projectKey: message } }, other: [] });
  });

  it('drops a blank "Other mailboxes for a project" row and places a backend message on the row it came from', () => {
    const values = { ...FORM, senderRows: [{ key: 'row8', projectKey: '', credentialIds: [] }, ...FORM.senderRows] };
    const { settings, senderRowKeys } = toMailSettings(values);
    expect(settings.projectSenders).toEqual(STORED.projectSenders);
    expect(
      settingsErrorsFromServer({ 'projectSenders.0.projectKey': 'Not a project key.' }, [], senderRowKeys).rows,
    ).toEqual({
      row3: { projectKey: 'Not a project key.' },
    });
  });

  it('ignores a blank row', () => {
    expect(validateSettings({ ...FORM, rows: [{ key: 'row1', projectKey: '', templateId: '' }] }).rows).toEqual({});
  });

  it("applies the schema's limits with its own words", () => {
    const groups = Array.from({ length: 51 }, (_, index) => ({ id: `g-${index}`, name: `Group ${index}` }));
    expect(validateSettings({ ...FORM, groups }).fields).toEqual({ groups: 'Choose at most 50 groups.' });
  });
});

describe('settingsErrorsFromServer', () => {
  it.each([
    ['commentAfterSend', { fields: { commentAfterSend: 'M' }, rows: {}, other: [] }],
    ['whoMaySend', { fields: { whoMaySend: 'M' }, rows: {}, other: [] }],
    ['whoMaySend.mode', { fields: { whoMaySend: 'M' }, rows: {}, other: [] }],
    ['whoMaySend.groups', { fields: { groups: 'M' }, rows: {}, other: [] }],
    ['whoMaySend.groups.3.id', { fields: { groups: 'M' }, rows: {}, other: [] }],
    ['whoMaySend.projectRoles', { fields: { projectRoles: 'M' }, rows: {}, other: [] }],
    ['projectTemplates', { fields: { projectTemplates: 'M' }, rows: {}, other: [] }],
    ['projectTemplates.1.templateId', { fields: {}, rows: { row4: { templateId: 'M' } }, other: [] }],
    ['projectTemplates[0].projectKey', { fields: {}, rows: { row2: { projectKey: 'M' } }, other: [] }],
    ['projectTemplates.7.projectKey', { fields: { projectTemplates: 'M' }, rows: {}, other: [] }],
    ['somethingNew', { fields: {}, rows: {}, other: ['M'] }],
  ])('%s shows where it belongs', (key, expected) => {
    // Row 0 and 1 of the payload came from form rows row2 and row4 (blank rows were dropped).
    expect(settingsErrorsFromServer({ [key]: 'M' }, ['row2', 'row4'])).toEqual(expected);
  });

  it('keeps the first message for a control', () => {
    expect(
      settingsErrorsFromServer({ 'whoMaySend.groups.0.id': 'First.', 'whoMaySend.groups.1.id': 'Second.' }, []).fields,
    ).toEqual({ groups: 'First.' });
  });

  it('has nothing to show without fieldErrors', () => {
    expect(hasSettingsErrors(settingsErrorsFromServer(undefined, []))).toBe(false);
  });
});

describe('withChosen and withoutChosen', () => {
  const developers = { id: 10002, name: 'Developers' };
  const users = { id: 10001, name: 'Users' };

  it('adds each role once, in the order chosen', () => {
    expect(withChosen([developers], users)).toEqual([developers, users]);
    expect(withChosen([developers, users], { ...developers })).toEqual([developers, users]);
  });

  it('removes by id', () => {
    expect(withoutChosen([developers, users], 10002)).toEqual([users]);
  });
});

describe('sameSettings', () => {
  it.each([
    ['a blank row', { rows: [...FORM.rows, { key: 'row3', projectKey: '', templateId: '' }] }, true],
    ['new row keys', { rows: FORM.rows.map((row) => ({ ...row, key: `x${row.key}` })) }, true],
    ['the comment switched off', { commentAfterSend: true }, false],
    ['a removed group', { groups: [] }, false],
    ['another template', { rows: [FORM.rows[0]!, { key: 'row2', projectKey: 'OPS', templateId: 'support' }] }, false],
  ])('%s: unchanged is %s', (_what, change, same) => {
    expect(sameSettings(FORM, { ...FORM, ...change })).toBe(same);
  });

  it('does not count groups kept out of sight while everyone may send', () => {
    const everyone = { ...FORM, mode: 'everyone' as const };
    expect(sameSettings(everyone, { ...everyone, groups: [] })).toBe(true);
  });
});
