import { getCountries, type CountryCode } from 'libphonenumber-js/min';

/** The country phone numbers without a "+" belong to: the user's locale region, else the US. */
export function defaultCountry(language: string = navigator.language): CountryCode {
  const region = language.split('-')[1]?.toUpperCase();
  return (getCountries() as string[]).includes(region ?? '') ? (region as CountryCode) : 'US';
}
