import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  classifyOpenFailure,
  privateWindowProblem,
  storageProblemText,
} from '../../../src/ui/storage/storage-problem';

const FIREFOX = { firefox: true, incognito: false };
const FIREFOX_PRIVATE = { firefox: true, incognito: true };
const CHROMIUM = { firefox: false, incognito: false };
const CHROMIUM_INCOGNITO = { firefox: false, incognito: true };

/** How Dexie reports a refused open: an OpenFailedError around the browser's DOMException. */
function openFailed(name: string, message: string) {
  return new Dexie.OpenFailedError(message, new DOMException(message, name));
}

describe('storage refused in a private window', () => {
  it('is recognised from the refusal older Firefox gives in a private window', () => {
    const refused = openFailed(
      'InvalidStateError',
      'A mutation operation was attempted on a database that did not allow mutations.',
    );
    expect(classifyOpenFailure(refused, FIREFOX)).toEqual({ kind: 'private-window' });
    expect(
      classifyOpenFailure(new DOMException('The operation is insecure.', 'SecurityError'), FIREFOX),
    ).toEqual({ kind: 'private-window' });
    expect(storageProblemText({ kind: 'private-window' })).toMatch(
      /^Firefox private window: Tally cannot keep records here.*Open Tally in a normal window\.$/,
    );
  });

  it('is recognised in a Firefox private window whatever the open failure, and even when it opens', () => {
    expect(classifyOpenFailure(new Error('Some failure'), FIREFOX_PRIVATE)).toEqual({
      kind: 'private-window',
    });
    expect(privateWindowProblem(FIREFOX_PRIVATE)).toEqual({ kind: 'private-window' });
    expect(privateWindowProblem(FIREFOX)).toBeNull();
  });

  it('never applies in Chromium, incognito or not: another failure says what it is', () => {
    expect(privateWindowProblem(CHROMIUM_INCOGNITO)).toBeNull();
    const refused = openFailed('InvalidStateError', 'The database is being deleted.');
    const problem = classifyOpenFailure(refused, CHROMIUM_INCOGNITO);
    expect(problem).toEqual({ kind: 'unavailable', detail: expect.stringContaining('being deleted') });
    expect(storageProblemText(problem)).toMatch(/^Tally could not open its storage in this browser: /);
    expect(classifyOpenFailure(new Error('disk I/O error'), CHROMIUM).kind).toBe('unavailable');
  });

  it('is not a Firefox open failure that has nothing to do with privacy', () => {
    expect(classifyOpenFailure(openFailed('UnknownError', 'Internal error.'), FIREFOX)).toEqual({
      kind: 'unavailable',
      detail: expect.stringContaining('Internal error'),
    });
  });
});
