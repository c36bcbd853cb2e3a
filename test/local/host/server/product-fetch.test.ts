import { fetchProduct } from '../../../../local/host/server/product-fetch';
import { fakeJira } from './fake-jira';

const json = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"key":"DEMO-1"}' };

describe('fetchProduct (browser requestJira)', () => {
  it('runs the call as the signed-in user and answers the body as text', async () => {
    const jira = fakeJira(json);
    const answer = await fetchProduct(jira, 'admin-1', {
      product: 'jira',
      restPath: '/rest/api/3/issue/DEMO-1?fields=summary',
      fetchRequestInit: {
        method: 'get',
        headers: [
          ['Accept', 'application/json'],
          ['X-Atlassian-Token', 'no-check'],
          ['Cookie', 'stolen=1'],
          ['Authorization', 'Bearer x'],
        ],
        body: null,
      },
    });
    expect(answer).toEqual({
      body: '{"key":"DEMO-1"}',
      headers: { 'content-type': 'application/json' },
      status: 200,
      statusText: 'OK',
      isAttachment: false,
    });
    expect(jira.calls).toEqual([
      {
        request: {
          method: 'GET',
          path: '/rest/api/3/issue/DEMO-1?fields=summary',
          headers: { accept: 'application/json', 'x-atlassian-token': 'no-check' },
        },
        actor: { type: 'user', accountId: 'admin-1' },
      },
    ]);
  });

  it('answers binary bodies as base64 attachments', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    const jira = fakeJira({ status: 200, headers: { 'content-type': 'image/png' }, body: bytes });
    const answer = await fetchProduct(jira, 'admin-1', {
      product: 'jira',
      restPath: '/rest/api/3/attachment/content/10001',
      fetchRequestInit: {},
    });
    expect(answer).toMatchObject({ body: bytes.toString('base64'), isAttachment: true, status: 200 });
  });

  it('rebuilds form data as multipart/form-data', async () => {
    const jira = fakeJira({ status: 200, headers: { 'content-type': 'application/json' }, body: '[]' });
    const form = {
      file: `data:text/plain;base64,${Buffer.from('hello\n').toString('base64')}`,
      __fileName: 'note "1".txt',
      __fileType: 'text/plain',
      comment: 'attached',
    };
    await fetchProduct(jira, 'admin-1', {
      product: 'jira',
      restPath: '/rest/api/3/issue/DEMO-1/attachments',
      fetchRequestInit: {
        method: 'POST',
        headers: [['content-type', 'text/plain;charset=UTF-8']],
        body: JSON.stringify(form),
      },
      isMultipartFormData: true,
    });
    const sent = jira.calls[0]?.request;
    const boundary = /boundary=(.+)$/.exec(sent?.headers['content-type'] ?? '')?.[1];
    expect(sent?.headers['content-type']).toBe(`multipart/form-data; boundary=${boundary}`);
    expect(sent?.body?.toString('utf8')).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="note %221%22.txt"\r\nContent-Type: text/plain\r\n\r\nhello\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="comment"\r\n\r\nattached\r\n` +
        `--${boundary}--\r\n`,
    );
  });

  it.each([
    [
      { product: 'confluence', restPath: '/wiki/rest/api/content' },
      'UNKNOWN_PRODUCT',
      'fetchProduct: this local site is Jira; it cannot reach confluence.',
    ],
    [{ product: 'jira', restPath: '/secure/admin' }, 'BAD_REST_PATH', 'fetchProduct: restPath must start with /rest/.'],
  ])('refuses %j', async (request, code, message) => {
    const jira = fakeJira(json);
    const error = await fetchProduct(jira, 'admin-1', { ...request, fetchRequestInit: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ status: 400, code, message });
    expect(jira.calls).toHaveLength(0);
  });
});
