/**
 * Kubernetes label selectors as the API server reads them (`a=b,c!=d,e in (f,g),h,!i`), enough for
 * the selectors the portal sends. Returns a predicate over an object's labels.
 */
export function parseLabelSelector(
  selector: string | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  if (!selector || !selector.trim()) {
    return () => true;
  }
  // Split on commas that are not inside parentheses.
  const terms = selector.match(/(?:[^,(]|\([^)]*\))+/g) ?? [];
  const tests = terms.map(raw => {
    const term = raw.trim();
    const set = term.match(/^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (set) {
      const values = set[3].split(',').map(v => v.trim());
      const wanted = set[2] === 'in';
      return (l: Record<string, string>) =>
        (set[1] in l && values.includes(l[set[1]])) === wanted;
    }
    const inequality = term.match(/^([^\s!=]+)\s*!=\s*(.*)$/);
    if (inequality) {
      return (l: Record<string, string>) =>
        l[inequality[1]] !== inequality[2].trim();
    }
    const equality = term.match(/^([^\s!=]+)\s*==?\s*(.*)$/);
    if (equality) {
      return (l: Record<string, string>) =>
        l[equality[1]] === equality[2].trim();
    }
    if (term.startsWith('!')) {
      return (l: Record<string, string>) => !(term.slice(1) in l);
    }
    return (l: Record<string, string>) => term in l;
  });
  return labels => tests.every(test => test(labels ?? {}));
}
