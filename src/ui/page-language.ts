import { uiLanguage } from '../domain/i18n';

/**
 * Marks an extension page as written in the user's language (screen readers choose their voice
 * by it; the HTML file can only say "en"), and gives it its title in that language: an HTML file
 * cannot look a message up.
 */
export function showPageInUiLanguage(title?: string): void {
  document.documentElement.lang = uiLanguage();
  if (title !== undefined) document.title = title;
}
