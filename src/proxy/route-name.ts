/**
 * A request path as the proxy's log lines may show it: interaction and webhook tokens (secrets for as long as
 * they live) are replaced, ids kept, the query dropped.
 */
export function loggableRoute(path: string): string {
  const [withoutQuery = ''] = path.split('?');
  return withoutQuery
    .replace(/^\/api(\/v\d+)?/, '')
    .replace(/^(\/webhooks\/\d+\/)[^/]+/, '$1:token')
    .replace(/^(\/interactions\/\d+\/)[^/]+/, '$1:token');
}
