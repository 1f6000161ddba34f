import { nameProblems } from './nameRules';

describe('nameProblems', () => {
  it.each(['orders-api', 'a1', 'x', 'payments-v2', 'a'.repeat(63)])(
    'accepts %s',
    name => {
      expect(nameProblems(name)).toEqual([]);
    },
  );

  it.each([
    ['Orders-Api', ['must be lowercase (has O, A)']],
    ['orders api', ['must not contain spaces']],
    ['../orders', ['must not contain a path (/, \\ or ..)']],
    ['2fast', ['must start with a letter, not a digit']],
    ['-orders', ['must start with a letter, not a dash']],
    ['orders-', ['must end with a letter or digit']],
    [
      'orders_api',
      ['may contain only lowercase letters, digits and dashes (has "_")'],
    ],
    [
      'orders.api',
      ['may contain only lowercase letters, digits and dashes (has ".")'],
    ],
    ['a'.repeat(64), ['must be at most 63 characters (has 64)']],
    ['', ['must not be empty']],
  ])('rejects %j naming the rule', (name, problems) => {
    expect(nameProblems(name)).toEqual(problems);
  });

  it.each(['${{ parameters.name }}', '{% if x %}', '{{ name }}', 'orders-${{'])(
    'rejects unrendered template syntax in %s',
    name => {
      expect(nameProblems(name)).toEqual([
        expect.stringMatching(
          /^contains template syntax \(.+\): the value was never rendered/,
        ),
      ]);
    },
  );

  it('lists every rule a name breaks', () => {
    expect(nameProblems('1 Bad/Name_')).toEqual([
      'must not contain a path (/, \\ or ..)',
      'must not contain spaces',
      'must be lowercase (has B, N)',
      'must start with a letter, not a digit',
      'may contain only lowercase letters, digits and dashes (has "_")',
    ]);
  });
});
