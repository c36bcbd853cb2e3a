import { codeChallengeS256, isCodeVerifier, newCodeVerifier } from '../../../src/oauth/pkce';

describe('PKCE', () => {
  it("gives RFC 7636 Appendix B's challenge for its verifier", () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it("makes the verifier from 32 random bytes, base64url: Appendix B's octets give its verifier", () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ];
    const asked: number[] = [];
    const verifier = newCodeVerifier((length) => {
      asked.push(length);
      return Uint8Array.from(octets);
    });
    expect(asked).toEqual([32]);
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it('makes 43-character unreserved verifiers from the system random source', () => {
    const verifier = newCodeVerifier();
    expect(verifier).toHaveLength(43);
    expect(isCodeVerifier(verifier)).toBe(true);
  });

  it.each([
    ['too short', 'a'.repeat(42)],
    ['too long', 'a'.repeat(129)],
    ['a reserved character', `${'a'.repeat(42)}+`],
  ])('refuses a verifier that is %s', (_case, verifier) => {
    expect(() => codeChallengeS256(verifier)).toThrow('A PKCE verifier is 43 to 128 unreserved characters.');
  });

  it('refuses a random source that gives fewer bytes than asked', () => {
    expect(() => newCodeVerifier(() => new Uint8Array(16))).toThrow('PKCE needs 32 random bytes.');
  });
});
