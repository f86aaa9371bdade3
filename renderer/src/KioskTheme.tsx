import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import type { Locale } from '../../shared/i18n';

/**
 * antd set up for the counter: touch-sized controls (44 px, 56 px in large-font mode), and no
 * automatic space between two CJK characters, so buttons read exactly 登录 / 提交 for people and
 * for screen readers.
 */
export function KioskTheme({ locale, large = false, children }: { locale: Locale; large?: boolean; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: large ? { fontSize: 22, controlHeight: 56 } : { fontSize: 16, controlHeight: 44 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
