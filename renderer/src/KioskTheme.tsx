import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import type { Locale } from '../../shared/i18n';

/**
 * antd set up for the counter: touch-sized controls, and no automatic space between two CJK
 * characters, so buttons read exactly 登录 / 提交 for people and for screen readers.
 */
export function KioskTheme({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: { fontSize: 16, controlHeight: 44 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
