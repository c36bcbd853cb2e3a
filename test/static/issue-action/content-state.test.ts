import type { AttachmentOption } from '../../../src/contract/issue-email';
import { MAX_LATEST_COMMENTS } from '../../../src/contract/issue-email';
import {
  contentInput,
  initialContent,
  LATEST_COMMENTS_MAX,
  latestCommentsError,
  selectedAttachments,
  toggleAttachment,
  totalBytes,
} from '../../../static/issue-action/src/content-state';

const ATTACHMENTS: AttachmentOption[] = [
  { id: '1', filename: 'a.txt', size: 10, mimeType: 'text/plain' },
  { id: '2', filename: 'b.png', size: 3_774_874, mimeType: 'image/png' },
  { id: '3', filename: 'c.pdf', size: 1024, mimeType: 'application/pdf' },
];

it("keeps the contract's bound for the latest comments", () => {
  expect(LATEST_COMMENTS_MAX).toBe(MAX_LATEST_COMMENTS);
});

describe('initialContent', () => {
  it("starts with the draft's default template, fields and description, no comments or files", () => {
    expect(initialContent({ defaultTemplateId: 'tpl-7' })).toEqual({
      templateId: 'tpl-7',
      includeFields: true,
      includeDescription: true,
      comments: 'none',
      latestComments: '3',
      attachmentIds: [],
    });
  });
});

describe('latestCommentsError', () => {
  it.each([
    ['latest', '1', undefined],
    ['latest', ' 50 ', undefined],
    ['latest', '0', 'Enter a number from 1 to 50.'],
    ['latest', '51', 'Enter a number from 1 to 50.'],
    ['latest', '2.5', 'Enter a number from 1 to 50.'],
    ['latest', '-3', 'Enter a number from 1 to 50.'],
    ['latest', '', 'Enter a number from 1 to 50.'],
    ['none', '', undefined],
    ['all', '999', undefined],
  ] as const)('%s with %j', (comments, latestComments, error) => {
    expect(latestCommentsError({ comments, latestComments })).toBe(error);
  });
});

describe('attachments', () => {
  it("selects in the issue's order and adds up sizes", () => {
    const selected = selectedAttachments(ATTACHMENTS, ['3', '1', 'gone']);
    expect(selected.map((attachment) => attachment.id)).toEqual(['1', '3']);
    expect(totalBytes(selected)).toBe(1034);
  });

  it.each([
    [[], '2', true, ['2']],
    [['2'], '2', true, ['2']],
    [['1', '2'], '1', false, ['2']],
    [['1'], '3', false, ['1']],
  ])('toggles %j %s → %j', (ids, id, on, result) => {
    expect(toggleAttachment(ids, id, on)).toEqual(result);
  });
});

describe('contentInput', () => {
  const values = initialContent({ defaultTemplateId: 'builtin' });

  it('sends the number only with "Latest"', () => {
    expect(contentInput({ ...values, comments: 'latest', latestComments: ' 7 ' }, ATTACHMENTS)).toEqual({
      templateId: 'builtin',
      includeFields: true,
      includeDescription: true,
      comments: 'latest',
      latestComments: 7,
      attachmentIds: [],
    });
    expect(contentInput({ ...values, comments: 'all', latestComments: '7' }, ATTACHMENTS)).not.toHaveProperty(
      'latestComments',
    );
  });

  it("sends attachment ids in the issue's order, leaving out unknown ones", () => {
    expect(contentInput({ ...values, attachmentIds: ['3', '9', '1'] }, ATTACHMENTS).attachmentIds).toEqual(['1', '3']);
  });
});
