// The start screen's way into the IT console, shown to IT administrators only.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../store/session';

export function ConsoleShortcut({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const role = useSession((state) => state.operator?.role);
  if (role !== 'it_admin') return null;
  return (
    <Button size="large" onClick={onOpen}>
      {t('console.home.open')}
    </Button>
  );
}
