import {
  demoConfig,
  getToken,
  type GraphErrorBody,
  postForm,
  postJson,
  sendMailUrl,
  simpleMessage,
  startDemo,
  useDemo,
  validSecret,
} from './helpers';

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

const expectUnauthorized = async (response: Response, code: string, message: string): Promise<void> => {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE);
  const body = (await response.json()) as GraphErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBe(message);
};

describe('Microsoft emulator Graph bearer validation', () => {
  const demo = useDemo();

  it('answers a request without Authorization with "Access token is empty."', async () => {
    await expectUnauthorized(
      await postJson(sendMailUrl(demo), undefined, simpleMessage()),
      'InvalidAuthenticationToken',
      'Access token is empty.',
    );
  });

  it('treats a non-Bearer scheme as no token', async () => {
    const response = await postJson(sendMailUrl(demo), undefined, simpleMessage(), {
      Authorization: `Basic ${Buffer.from('a:b').toString('base64')}`,
    });
    await expectUnauthorized(response, 'InvalidAuthenticationToken', 'Access token is empty.');
  });

  it.each(['not-a-jwt', 'only.two', 'a.b.c.d', '!!!.###.$$$'])(
    'answers the malformed token %s with IDX14100',
    async (bad) => {
      await expectUnauthorized(
        await postJson(sendMailUrl(demo), bad, simpleMessage()),
        'InvalidAuthenticationToken',
        "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EncodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.",
      );
    },
  );

  it('answers a token whose payload was changed with "Signature is invalid."', async () => {
    const [header, payload, signature] = demo.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['Mail.Send', 'Directory.ReadWrite.All'] })).toString(
      'base64url',
    );
    await expectUnauthorized(
      await postJson(sendMailUrl(demo), `${header}.${forged}.${signature}`, simpleMessage()),
      'InvalidAuthenticationToken',
      'Signature is invalid.',
    );
  });

  it('answers a token from another emulator instance (unknown key) with "Signing key is invalid."', async () => {
    const other = await startDemo();
    try {
      const foreign = await getToken(other);
      await expectUnauthorized(
        await postJson(sendMailUrl(demo), foreign, simpleMessage()),
        'InvalidAuthenticationToken',
        'Signing key is invalid.',
      );
    } finally {
      await other.emulator.close();
    }
  });

  it('answers a v1 token issued without resource (Azure AD Graph) with "Invalid audience."', async () => {
    const response = await postForm(`${demo.emulator.loginBaseUrl}/${demo.tenant.id}/oauth2/token`, {
      grant_type: 'client_credentials',
      client_id: demo.app.clientId,
      client_secret: validSecret(demo.app),
    });
    const v1 = ((await response.json()) as { access_token: string }).access_token;
    await expectUnauthorized(
      await postJson(sendMailUrl(demo), v1, simpleMessage()),
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience.',
    );
  });
});

describe('Microsoft emulator Graph token lifetime', () => {
  it('accepts a token up to the 5-minute clock skew past exp, then answers "the token is expired"', async () => {
    const demo = await startDemo({ ...demoConfig(), tokenLifetimeSeconds: 60 });
    try {
      const token = await getToken(demo);
      demo.clock.advanceSeconds(60 + 300);
      expect((await postJson(sendMailUrl(demo), token, simpleMessage())).status).toBe(202);
      demo.clock.advanceSeconds(1);
      const response = await postJson(sendMailUrl(demo), token, simpleMessage());
      await expectUnauthorized(
        response,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is expired.',
      );
    } finally {
      await demo.emulator.close();
    }
  });

  it('answers a token used more than 5 minutes before its nbf with "not yet valid"', async () => {
    const demo = await startDemo();
    try {
      const token = await getToken(demo);
      demo.clock.advanceSeconds(-301);
      await expectUnauthorized(
        await postJson(sendMailUrl(demo), token, simpleMessage()),
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is not yet valid.',
      );
    } finally {
      await demo.emulator.close();
    }
  });
});
