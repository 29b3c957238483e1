// The pages' and the windows' API's defences in the browser host: which Origin they answer and which bodies they take.

/**
 * A browser names the page that sent a request in Origin. Requests from our own pages, or with no
 * Origin (curl, the tests, same-origin GETs), are fine; any other site is refused even though
 * it could not read the answer, because an operation may already have changed the simulation.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** POST bodies must be declared JSON: HTML forms cannot send that cross-site without a preflight. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json';
}
