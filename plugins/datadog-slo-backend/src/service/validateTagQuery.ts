const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const TAG_KEY = /^-?[A-Za-z][\w.\-/]*$/;

/**
 * Checks a Datadog SLO search query (`service:checkout AND env:prod`, `team:payments`) before it
 * is sent, so a typo in the annotation is reported with the annotation's name instead of as
 * Datadog's bare 400. Returns what is wrong, or undefined when the query looks valid. Datadog
 * remains the judge of anything this accepts.
 */
export function validateTagQuery(query: string): string | undefined {
  const trimmed = query.trim();
  if (!trimmed) {
    return 'it is empty';
  }
  if (/[{}[\]<>]/.test(trimmed) || trimmed.includes('${')) {
    return `it contains characters a Datadog tag query cannot hold (${
      trimmed.match(/[{}[\]<>$]/)?.[0]
    })`;
  }
  if ((trimmed.match(/"/g) ?? []).length % 2 !== 0) {
    return 'a double quote is not closed';
  }
  let depth = 0;
  for (const char of trimmed.replace(/"[^"]*"/g, '')) {
    if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
    }
    if (depth < 0) {
      return "a ')' has no matching '('";
    }
  }
  if (depth !== 0) {
    return "a '(' is not closed";
  }
  const tokens = trimmed
    .replace(/"[^"]*"/g, 'QUOTED')
    .replace(/[()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  for (const [index, token] of tokens.entries()) {
    const operator = OPERATORS.has(token);
    if (
      operator &&
      token !== 'NOT' &&
      (index === 0 || OPERATORS.has(tokens[index - 1]))
    ) {
      return `'${token}' has nothing before it`;
    }
    if (operator && index === tokens.length - 1) {
      return `'${token}' has nothing after it`;
    }
    const colon = token.indexOf(':');
    if (!operator && colon >= 0) {
      const key = token.slice(0, colon);
      const value = token.slice(colon + 1);
      if (!TAG_KEY.test(key)) {
        return `'${key}' is not a tag name`;
      }
      if (!value) {
        return `tag '${key}' has no value`;
      }
    }
  }
  return undefined;
}
