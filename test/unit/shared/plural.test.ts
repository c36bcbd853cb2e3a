import { plural } from '../../../src/shared/plural';

describe('plural', () => {
  it.each([
    [0, 'recipient', undefined, '0 recipients'],
    [1, 'recipient', undefined, '1 recipient'],
    [2, 'recipient', undefined, '2 recipients'],
    [3, 'person', 'people', '3 people'],
    [1, 'person', 'people', '1 person'],
  ])('%i %s (%s) reads %s', (count, one, many, expected) => {
    expect(plural(count, one, many)).toBe(expected);
  });
});
