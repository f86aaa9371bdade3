// Times as the counter reads them: China Standard Time, in the UI language.
import { useTranslation } from 'react-i18next';

export function useShanghaiTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (iso) => format.format(new Date(iso));
}
