import { afterEach, describe, expect, it } from 'vitest';
import { readCatalog } from '../../../locales/catalogs';
import { STORE_CREDIT, TRADE_IN } from '../../../src/domain/buyback';
import { installTranslator } from '../../../src/domain/i18n';
import { flatMessages } from '../../../src/domain/locale-catalog';
import { paymentMethodLabel, storedPaymentMethod } from '../../../src/domain/payment-method';
import { catalogTranslator } from '../../../src/domain/catalog-translator';

const speak = (language: string) =>
  installTranslator(catalogTranslator(flatMessages(readCatalog(language))), language);

describe('payment methods as the user reads and types them', () => {
  afterEach(() => speak('en'));

  it('shows the built-in methods in the UI language and the shop’s own as typed', () => {
    expect(paymentMethodLabel(STORE_CREDIT)).toBe('Store credit');
    speak('fr');
    expect(paymentMethodLabel(STORE_CREDIT)).toBe('Avoir');
    expect(paymentMethodLabel(TRADE_IN)).toBe('Reprise');
    expect(paymentMethodLabel('Cash')).toBe('Cash');
  });

  it('stores store credit under its fixed name whether typed in French or English', () => {
    speak('fr');
    expect(storedPaymentMethod(' avoir ')).toBe(STORE_CREDIT);
    expect(storedPaymentMethod('store credit')).toBe(STORE_CREDIT);
    expect(storedPaymentMethod(' Espèces ')).toBe('Espèces');
  });
});
