import { newCorrelationId } from '../../../src/shared/correlation-id';

const GUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newCorrelationId', () => {
  it('makes version-4 GUIDs, each different', () => {
    const ids = Array.from({ length: 500 }, () => newCorrelationId());
    for (const id of ids) expect(id).toMatch(GUID_V4);
    expect(new Set(ids).size).toBe(500);
  });

  it('uses every variant nibble 8, 9, a and b', () => {
    const variants = new Set(Array.from({ length: 500 }, () => newCorrelationId().charAt(19)));
    expect([...variants].sort()).toEqual(['8', '9', 'a', 'b']);
  });
});
