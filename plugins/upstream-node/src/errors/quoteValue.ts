/** How much of a value an error message repeats. */
export const QUOTED_VALUE_MAX = 100;

/**
 * A value quoted for an error message, cut to {@link QUOTED_VALUE_MAX} characters: annotation values
 * come from any repository and upstream bodies can be large, and a message repeats them on every
 * page and in every log line.
 */
export function quoteValue(value: unknown, max = QUOTED_VALUE_MAX): string {
  const text = typeof value === 'string' ? value : String(value);
  if (text.length <= max) {
    return JSON.stringify(text);
  }
  return `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;
}
