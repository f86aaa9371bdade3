// i18next over the shared catalogues: the renderer shows the same texts core and the CLI use.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, defaultLocale, type Locale } from '../../shared/i18n';

export async function initI18n(locale: Locale = defaultLocale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: defaultLocale,
    resources: {
      'zh-CN': { translation: catalogs['zh-CN'] },
      en: { translation: catalogs.en },
    },
    // Keys contain dots; the catalogues are flat.
    keySeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
