/**
 * Puppeteer must never download a browser: the network is closed and tests use Debian's
 * Chromium (/usr/bin/chromium, or CHROME_PATH). See test/support/chromium.ts.
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
