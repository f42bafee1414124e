import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askWorker } from '../../src/messaging/content-client';
import { parseRecipeLearnedReply } from '../../src/messaging/content-replies';
import { startTeachPicker } from './picker';

/**
 * Teach mode, injected into the tab by the worker when the user asks to teach this page (see
 * src/messaging/tab-effects.ts), so the always-loaded content script does not carry it.
 */
declare global {
  // Shared by every injection into this page's isolated world: one picker at a time.
  var tallyTeaching: boolean | undefined;
}

export default defineUnlistedScript(() => {
  if (globalThis.tallyTeaching) return;
  globalThis.tallyTeaching = true;
  const finish = () => {
    stop();
    globalThis.tallyTeaching = false;
  };
  const stop = startTeachPicker({
    doc: document,
    url: new URL(location.href),
    onDone(draft) {
      finish();
      askWorker('teach.recipeLearned', { draft }, parseRecipeLearnedReply).catch((error: unknown) =>
        console.warn('Tally: the recipe was not saved.', error),
      );
    },
    onCancel: finish,
  });
});
