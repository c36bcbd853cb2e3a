import { notAddedMessage, unaddedTextErrors } from '../../../static/admin/src/sending-settings/unadded-text';

describe('text left in the groups and project roles pickers, at Save', () => {
  it('refuses text in either picker while members of groups or roles may send, naming the text', () => {
    expect(unaddedTextErrors('restricted', { groups: ' qa ', projectRoles: 'Testers' })).toEqual({
      groups: '“qa” is not added. Choose a group from the suggestions, or clear the text.',
      projectRoles: '“Testers” is not added. Choose a project role from the suggestions, or clear the text.',
    });
  });

  it('has nothing to say about empty or blank text', () => {
    expect(unaddedTextErrors('restricted', { groups: '', projectRoles: '   ' })).toEqual({});
    expect(unaddedTextErrors('restricted', {})).toEqual({});
  });

  it('lets Save go when everyone may send: the pickers are not shown and nothing typed there counts', () => {
    expect(unaddedTextErrors('everyone', { groups: 'qa' })).toEqual({});
  });

  it('says what the picker itself says', () => {
    expect(notAddedMessage('group', 'qa')).toBe(
      '“qa” is not added. Choose a group from the suggestions, or clear the text.',
    );
  });
});
