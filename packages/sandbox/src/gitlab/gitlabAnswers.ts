import { JsonAnswer } from '../http/jsonServer';

/** GitLab's error bodies: `message` for a missing resource, `error` for an unknown route. */
export const notFound = (what: string): JsonAnswer => ({
  status: 404,
  body: { message: `404 ${what} Not Found` },
});
export const UNKNOWN_ROUTE: JsonAnswer = {
  status: 404,
  body: { error: '404 Not Found' },
};
export const ok = (body: unknown): JsonAnswer => ({ status: 200, body });

/** GitLab's offset pagination: a page of `items` and the `x-*` headers that describe it. */
export function paginated(
  items: unknown[],
  query: URLSearchParams,
): JsonAnswer {
  const perPage = Math.min(100, Number(query.get('per_page') ?? 20) || 20);
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: {
      'x-total': String(items.length),
      'x-total-pages': String(totalPages),
      'x-per-page': String(perPage),
      'x-page': String(page),
      'x-next-page': page < totalPages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
    },
  };
}
