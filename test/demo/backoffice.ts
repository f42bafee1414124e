/**
 * The contract of one demo back office. Adding a back office is one module exporting a
 * `DemoBackOffice` plus one line in `backoffices/index.ts`; the server knows nothing else about it.
 */
import type { IncomingMessage } from 'node:http';
import type { DemoStore } from './store';

export interface DemoResponse {
  readonly status: number;
  /** Without charset; the server always adds `; charset=utf-8`. */
  readonly contentType: 'text/html' | 'text/csv' | 'text/plain' | 'application/json' | 'text/javascript';
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds the server waits before answering, as a slow vendor API would. */
  readonly delayMs?: number;
}

/** What the server knows about one back office beyond its data: the demo's own switches. */
export interface BackOfficeState {
  /** Whether its redesign is switched on (`GET /__demo/redesign?backOffice=<id>&on=1`). */
  readonly redesigned: boolean;
}

export interface DemoPageLink {
  readonly label: string;
  /** Absolute path on the demo server, e.g. `/rep/customers/C-00042`. */
  readonly path: string;
}

export interface DemoBackOffice {
  readonly id: string;
  readonly title: string;
  /** Every path equal to this or below it (`/rep`, `/rep/…`) is handed to `handle`. */
  readonly basePath: string;
  readonly description: string;
  /** Notable pages, listed on the index page and printed by serve.ts. */
  readonly pages: readonly DemoPageLink[];
  /** What its redesign changes, when it has one (see server.ts, `/__demo/redesign`). */
  readonly redesign?: string;
  /** null means "not mine": the server answers 404. */
  handle(req: IncomingMessage, url: URL, data: DemoStore, state: BackOfficeState): DemoResponse | null;
}

export function htmlResponse(body: string, status = 200): DemoResponse {
  return { status, contentType: 'text/html', body };
}

export function csvResponse(body: string, filename: string): DemoResponse {
  return {
    status: 200,
    contentType: 'text/csv',
    body,
    headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
  };
}

export function jsonResponse(value: unknown, status = 200, delayMs?: number): DemoResponse {
  return {
    status,
    contentType: 'application/json',
    body: JSON.stringify(value),
    ...(delayMs ? { delayMs } : {}),
  };
}

/** A client script, read once from a plain .js file next to the back office (there is no build step). */
export function scriptResponse(source: string): DemoResponse {
  return { status: 200, contentType: 'text/javascript', body: source };
}

/** 303 so that a browser follows a POSTed form with a GET, as real back offices do. */
export function redirectResponse(location: string, status: 302 | 303 | 308 = 303): DemoResponse {
  return { status, contentType: 'text/plain', body: `See ${location}\n`, headers: { Location: location } };
}

/** `?page=N` read leniently: anything that is not a whole number ≥ 1 is page 1. */
export function requestedPage(url: URL): number {
  const page = Number(url.searchParams.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
