// Which Host headers and request targets the HTTP hosts answer (DNS rebinding), and a target's path for the router.

/**
 * DNS rebinding: a hostile page can make its own name resolve to 127.0.0.1, but its requests still
 * carry its name in Host. Only our own address and port are answered.
 */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/**
 * An absolute-form request target (`GET http://host:port/path`, as sent to proxies) names the host
 * itself, and HTTP says it overrides Host: its authority must be ours too. Origin-form targets
 * (`/path`) and `*` name none.
 */
export function isAllowedTarget(url: string, port: number): boolean {
  if (url.startsWith('/') || url === '*') return true;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return target.protocol === 'http:' && target.username === '' && target.password === '' && isAllowedHost(target.host, port);
}

/** The path and query of a request target: an absolute-form one's (`http://host:port/path?q` → `/path?q`), without a fragment. */
export function originForm(url: string): string {
  // A fragment is never sent by a browser; the router ignores one, so the files must too.
  const target = url.split('#', 1)[0]!;
  if (target.startsWith('/') || target === '*') return target;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/is.exec(target);
  if (!match) return target;
  const rest = match[1]!;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The path of a request target, short enough to quote in a message. */
export function pathOf(url: string): string {
  return url.split('?', 1)[0]!.slice(0, 100);
}
