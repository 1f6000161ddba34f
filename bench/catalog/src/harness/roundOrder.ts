/**
 * The order the variants load in a round: as given in odd rounds, reversed in even ones, so that
 * neither variant always loads right after the other on a machine that still settles from it.
 * With two variants, one of them runs twice in a row at each round boundary (stock, portal |
 * portal, stock | …); docs/benchmarks.md reports what that did to the load times.
 */
export function roundOrder<T>(variants: readonly T[], round: number): T[] {
  return round % 2 === 1 ? [...variants] : [...variants].reverse();
}
