// 网络状态 on the start screen, from the sync engine: `sync.status` once, then `sync.connectivity`
// events. A kiosk that is not enrolled with a platform, or whose sync service does not answer,
// honestly says 未连接平台 — registrations are saved on the kiosk either way.
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connectivity } from '../../../shared/domain/sync';
import type { MessageKey } from '../../../shared/i18n';
import { useClient } from '../store/session';

type NetworkState = Connectivity | 'notConnected';

const labels: Record<NetworkState, MessageKey> = {
  notConnected: 'desk.network.notConnected',
  online: 'desk.network.online',
  offline: 'desk.network.offline',
  unknown: 'desk.network.unknown',
};

const colors: Record<NetworkState, string> = { notConnected: 'default', online: 'green', offline: 'orange', unknown: 'default' };

export function NetworkState() {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<NetworkState>('notConnected');

  useEffect(() => {
    let live = true;
    void client.call('sync.status', {}).then((result) => {
      if (live && result.ok) setState(result.value.enrolled ? result.value.connectivity : 'notConnected');
    });
    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'sync.connectivity') setState(event.connectivity);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  return (
    <Tag color={colors[state]} data-testid="network-state">
      {t('desk.home.network', { state: t(labels[state]) })}
    </Tag>
  );
}
