import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPageProduct } from '../../src/adapters/product-readers';

/**
 * Reads the product on the page, injected by the worker when the user clicks `Capture product`
 * (see src/messaging/tab-effects.ts), so the always-loaded content script does not carry it.
 * The return value is the script's result; the worker trusts none of it (product-handlers.ts).
 */
export default defineUnlistedScript(() => readPageProduct(document, new URL(location.href)));
