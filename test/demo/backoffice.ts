/**
 * The contract of one demo back office. Adding a back office is one module exporting a
 * `DemoBackOffice` plus one line in `backoffices/index.ts`; the server knows nothing else about it.
 */
import type { IncomingMessage } from 'node:http';
import type { DemoStore } from './store';

export interface DemoResponse {
  readonly status: number;
  /** Without charset; the server always adds `; charset=utf-8`. */
  readonly contentType: 'text/html' | 'text/csv' | 'text/plain';
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
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
  /** null means "not mine": the server answers 404. */
  handle(req: IncomingMessage, url: URL, data: DemoStore): DemoResponse | null;
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

/** 303 so that a browser follows a POSTed form with a GET, as real back offices do. */
export function redirectResponse(location: string, status: 302 | 303 | 308 = 303): DemoResponse {
  return { status, contentType: 'text/plain', body: `See ${location}\n`, headers: { Location: location } };
}

/** `?page=N` read leniently: anything that is not a whole number ≥ 1 is page 1. */
export function requestedPage(url: URL): number {
  const page = Number(url.searchParams.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
