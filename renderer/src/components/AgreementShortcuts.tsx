// The home screen's way to the agreement: reading the one in force (everyone) and managing versions
// and profiles (IT administrators only; core checks the role again on every call).
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../store/session';

interface AgreementShortcutsProps {
  onRead: () => void;
  onManage: () => void;
}

export function AgreementShortcuts({ onRead, onManage }: AgreementShortcutsProps) {
  const { t } = useTranslation();
  const role = useSession((state) => state.operator?.role);
  return (
    <>
      <Button size="large" onClick={onRead}>
        {t('agreements.home.read')}
      </Button>
      {role === 'it_admin' && (
        <Button size="large" onClick={onManage}>
          {t('agreements.home.admin')}
        </Button>
      )}
    </>
  );
}
