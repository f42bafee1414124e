import { browser } from 'wxt/browser';
import type { StorageEnvironment } from './storage-problem';

/** This page's browser (the build's) and whether it runs in a private window. */
export function pageStorageEnvironment(): StorageEnvironment {
  return {
    firefox: import.meta.env.FIREFOX === true,
    // Absent where the page runs without extension APIs (the web build).
    incognito: browser.extension?.inIncognitoContext === true,
  };
}
