import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectContact, type Detection } from '../../src/adapters/detect';
import { adapters } from '../../src/adapters/registry';
import { DEV_BACK_OFFICE_MATCHES } from '../../src/domain/back-office-origins';
import { t } from '../../src/domain/i18n';
import { askWorker } from '../../src/messaging/content-client';
import { parseCaptureReply, parseEmptyReply } from '../../src/messaging/content-replies';
import { parseTabMessage } from '../../src/messaging/tab-messages';
import { createLauncher } from './launcher';
import { createScanScheduler } from './scan-scheduler';
import { createSiteConfig } from './site-config';

export default defineContentScript({
  // Other back offices are registered at run time, once the user allows their origin.
  matches: [...DEV_BACK_OFFICE_MATCHES],
  // Injected before the page parses, so that detection runs the moment the DOM is ready:
  // Chromium injects document_end scripts only after the first layout, ~100 ms later on a
  // 5,000-element page.
  runAt: 'document_start',
  main(ctx) {
    let reported: string | undefined;
    const siteConfig = createSiteConfig((config) => {
      reported = undefined;
      if (config.mode === 'off') stop();
      else start();
    });

    const sidebarUrl = browser.runtime.getURL('/sidebar.html');
    // Read now: once Tally is updated, this script can no longer ask the browser for messages.
    const reloadLine = t('content_reload_to_update');
    const launcher = createLauncher(
      sidebarUrl,
      async () => {
        const reply = await askWorker('page.capture', {}, parseCaptureReply);
        return reply.outcome === 'confirm' ? null : reply;
      },
      // Reading it notices a lost extension (browser.runtime.id gone) and invalidates ctx.
      () => ctx.isValid,
    );

    const report = (detection: Detection) => {
      // Tell the worker only when it changed: single-page back offices re-render often.
      const key = JSON.stringify(detection);
      if (key === reported) return false;
      reported = key;
      askWorker('page.contactDetected', { detection }, parseEmptyReply).catch((error: unknown) => {
        reported = undefined;
        console.warn('Tally: could not reach the background worker.', error);
      });
      return true;
    };

    const scan = async () => {
      const { mode, recipes } = await siteConfig.current();
      if (mode === 'off') return stop();
      const startedAt = performance.now();
      const detection: Detection =
        mode === 'never-capture'
          ? { status: 'none' }
          : detectContact(document, new URL(location.href), { adapters, recipes, generic: true });
      // Read by `npm run bench`: when detection ran and how long it took.
      performance.measure('tally:detection', { start: startedAt });
      launcher.show(detection);
      scheduler.settled(report(detection));
    };
    const scanSafely = () => {
      if (ctx.isInvalid) return;
      void scan().catch((error: unknown) => console.warn('Tally: detection failed.', error));
    };
    const scheduler = createScanScheduler(scanSafely);

    // Single-page back offices change customers with pushState, or fill a panel by XHR, without
    // a navigation: watch the DOM too (throttled, see scan-scheduler.ts).
    const observer = new MutationObserver(() => scheduler.changed());
    const start = () => {
      // Tally's own web app (web/*.html) served on a local address is not a back office.
      if (document.querySelector('meta[name="tally-web-app"]')) return stop();
      scheduler.now();
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    };
    function stop() {
      observer.disconnect();
      scheduler.stop();
      launcher.remove();
    }

    if (document.readyState === 'loading') {
      ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    } else {
      start();
    }
    ctx.addEventListener(window, 'wxt:locationchange', () => scheduler.now());

    // Only Tally itself may talk to this script: its worker (no tab), or its sidebar framed here
    // (moving to the side panel). Any other sender with a tab is turned away.
    const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown; url?: string }) => {
      if (sender.id !== browser.runtime.id || (sender.tab && !sender.url?.startsWith(sidebarUrl))) return;
      const message = parseTabMessage(raw);
      if (message?.type === 'tab.rescan') {
        siteConfig.refresh();
      } else if (message?.type === 'tab.captured') launcher.say(message.text);
      else if (message?.type === 'tab.openSidebar') launcher.openSidebar();
      else if (message?.type === 'tab.closeSidebar') launcher.closeSidebar();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      // After an update or reload of Tally this script is orphaned: its launcher stays and says
      // to reload the page. A newer copy of this script started in the page replaces it instead.
      if (browser.runtime?.id === undefined) {
        observer.disconnect();
        scheduler.stop();
        launcher.orphaned(reloadLine);
        return;
      }
      browser.runtime.onMessage.removeListener(onMessage);
      stop();
    });
  },
});
