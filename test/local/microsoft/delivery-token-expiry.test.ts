import { getToken, type GraphErrorBody, postJson, sendMailUrl, simpleMessage, useDemo } from './helpers';

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

describe('Microsoft emulator expireIssuedTokens()', () => {
  const demo = useDemo();

  const expectExpired = async (response: Response): Promise<void> => {
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE);
    const body = (await response.json()) as GraphErrorBody;
    expect([body.error.code, body.error.message]).toEqual([
      'InvalidAuthenticationToken',
      'Lifetime validation failed, the token is expired.',
    ]);
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
  };

  it('expires every token issued before the call, for good, while tokens issued after work', async () => {
    const older = await getToken(demo);
    const before = demo.emulator.sentMessages().length;
    demo.emulator.resetDeliveryStats();
    demo.emulator.expireIssuedTokens();

    for (const token of [demo.token, older])
      await expectExpired(await postJson(sendMailUrl(demo), token, simpleMessage()));
    // Expired stays expired: a client that retries with the same token gets the same answer.
    await expectExpired(await postJson(sendMailUrl(demo), older, simpleMessage()));
    expect(demo.emulator.deliveryStats().expiredTokenRefusals).toBe(3);

    const fresh = await getToken(demo);
    expect((await postJson(sendMailUrl(demo), fresh, simpleMessage())).status).toBe(202);
    expect(demo.emulator.sentMessages()).toHaveLength(before + 1);

    demo.emulator.expireIssuedTokens();
    await expectExpired(await postJson(sendMailUrl(demo), fresh, simpleMessage()));
    expect(demo.emulator.deliveryStats().expiredTokenRefusals).toBe(4);
    expect(demo.emulator.sentMessages()).toHaveLength(before + 1);
  });

  it('counts a token past its lifetime as an expired-token refusal too', async () => {
    const token = await getToken(demo);
    demo.emulator.resetDeliveryStats();
    demo.clock.advanceSeconds(3599 + 301);
    try {
      await expectExpired(await postJson(sendMailUrl(demo), token, simpleMessage()));
    } finally {
      demo.clock.advanceSeconds(-(3599 + 301));
    }
    expect(demo.emulator.deliveryStats().expiredTokenRefusals).toBe(1);
  });
});
