import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectContact } from '../../src/adapters/detect';
import { adapters } from '../../src/adapters/registry';
import { DEV_BACK_OFFICE_MATCHES } from '../../src/domain/back-office-origins';
import { sendMessage } from '../../src/messaging/client';
import { createLauncher } from './launcher';

export default defineContentScript({
  // Other back offices are registered at run time, once the user allows their origin.
  matches: [...DEV_BACK_OFFICE_MATCHES],
  // Injected before the page parses, so that detection runs the moment the DOM is ready:
  // Chromium injects document_end scripts only after the first layout, ~100 ms later on a
  // 5,000-element page.
  runAt: 'document_start',
  main(ctx) {
    const launcher = createLauncher(browser.runtime.getURL('/sidebar.html'));
    let reported: string | undefined;

    const scan = () => {
      const detection = detectContact(document, new URL(location.href), adapters);
      if (detection.status === 'broken') {
        console.warn(`Tally: ${detection.adapter.name} page not readable: ${detection.reason}`);
      }
      const snapshot = detection.status === 'found' ? detection.snapshot : null;
      launcher.setDetected(snapshot !== null);
      // Tell the worker only when it changed: single-page back offices re-render often.
      const key = JSON.stringify(snapshot);
      if (key === reported) return;
      reported = key;
      sendMessage('page.contactDetected', { snapshot }).catch((error: unknown) => {
        reported = undefined;
        console.warn('Tally: could not reach the background worker.', error);
      });
    };

    if (document.readyState === 'loading') {
      ctx.addEventListener(document, 'DOMContentLoaded', scan, { once: true });
    } else {
      scan();
    }
    // Single-page back offices change customers with pushState, without a reload.
    ctx.addEventListener(window, 'wxt:locationchange', scan);
    ctx.onInvalidated(() => launcher.remove());
  },
});
