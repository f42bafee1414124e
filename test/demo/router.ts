/**
 * A route table for one back office: each route is a method, a path pattern and a page function.
 * HEAD is answered as GET (the server drops the body), as a real web server would.
 */
import type { IncomingMessage } from 'node:http';
import type { BackOfficeState, DemoResponse } from './backoffice';
import type { DemoStore } from './store';

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly data: DemoStore;
  /** Whether the back office's redesign is switched on. */
  readonly redesigned: boolean;
  /** The pattern's capture groups, decoded. */
  readonly params: readonly string[];
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Matched against the whole pathname; anchor it. */
  readonly path: RegExp;
  respond(context: RouteContext): DemoResponse | null;
}

export function routeRequest(
  routes: readonly Route[],
  req: IncomingMessage,
  url: URL,
  data: DemoStore,
  state: BackOfficeState,
): DemoResponse | null {
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  let pathMatched = false;
  for (const route of routes) {
    const match = route.path.exec(url.pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = match.slice(1).map((param) => safeDecode(param ?? ''));
    return route.respond({ req, url, data, redesigned: state.redesigned, params });
  }
  return pathMatched ? { status: 405, contentType: 'text/plain', body: 'Method not allowed\n' } : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
