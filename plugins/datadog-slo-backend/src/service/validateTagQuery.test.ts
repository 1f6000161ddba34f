import { validateTagQuery } from './validateTagQuery';

describe('validateTagQuery', () => {
  it.each([
    'service:checkout-api',
    'service:checkout-api AND env:prod',
    '(team:payments OR team:checkout) AND NOT env:dev',
    '-env:dev service:cart',
    '"checkout latency"',
  ])('accepts %s', query => {
    expect(validateTagQuery(query)).toBeUndefined();
  });

  it.each([
    ['', 'it is empty'],
    ['service:', "tag 'service' has no value"],
    ['service:(checkout', "a '(' is not closed"],
    ['service:checkout)', "a ')' has no matching '('"],
    ['"checkout', 'a double quote is not closed'],
    ['AND service:cart', "'AND' has nothing before it"],
    ['service:cart OR', "'OR' has nothing after it"],
    [
      'service:${{ values.name }}',
      'it contains characters a Datadog tag query cannot hold ($)',
    ],
    ['9x:y', "'9x' is not a tag name"],
  ])('rejects %j: %s', (query, reason) => {
    expect(validateTagQuery(query)).toBe(reason);
  });
});
