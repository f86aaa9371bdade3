// Message catalogues: every string a person sees, in Simplified Chinese first and English second.
// Keys are grouped by the file that owns them; interpolation uses {{name}} (i18next syntax) so the
// renderer can hand the same catalogue to i18next.
export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];
export const defaultLocale: Locale = 'zh-CN';

/** A catalogue part: the same keys in every locale, checked by the compiler. */
export type CatalogPart<K extends string> = { readonly [L in Locale]: { readonly [Key in K]: string } };

export function defineCatalog<K extends string>(part: CatalogPart<K>): CatalogPart<K> {
  return part;
}
