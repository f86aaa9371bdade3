import { defineCatalog } from './catalog';

// Messages of the desktop shell: start-up refusals shown in a dialog, and the warnings the IT
// console lists (`shell.status`).
export const shellMessages = defineCatalog({
  'zh-CN': {
    'shell.dialogTitle': '注册登记机',
    'shell.startFailed': '登记机无法启动：{{reason}}',
    'shell.keyStoragePlainText':
      '本机没有可用的系统密钥环（如 GNOME Keyring 或 KWallet），数据库密钥只能以可还原的方式保存，登记机因此拒绝启动。请为登录会话启用密钥环；如确需在无密钥环的机器上运行，信息技术管理员可在 {{file}} 中设置 "allowBasicTextKeyStorage": true。',
    'shell.keyStorageUnavailable': '操作系统的加密存储不可用，无法保护数据库密钥。请以正常用户会话登录后再启动登记机。',
    'shell.configInvalid': '配置文件 {{file}} 有误：{{detail}}。请修正或删除该文件后重新启动。',
    'shell.warning.key_storage_plain_text':
      '数据库密钥未受系统密钥环保护（Linux basic_text）。能读取数据目录的人即可解开数据库。请为该机器配置系统密钥环（见部署指南）。',
    'shell.warning.updates_not_configured': '未配置更新服务器，本机不会自动更新。请在 shell.json 中设置 updates.feedUrl。',
    'shell.warning.update_failed': '上次检查或下载更新失败，将在下次检查时重试。详情见日志。',
    'shell.warning.renderer_recovered': '界面进程曾意外退出或无响应，已自动重新加载。详情见日志。',
  },
  en: {
    'shell.dialogTitle': 'Registration Kiosk',
    'shell.startFailed': 'The kiosk cannot start: {{reason}}',
    'shell.keyStoragePlainText':
      'This machine has no system keyring (such as GNOME Keyring or KWallet), so the database key could only be stored in a recoverable form; the kiosk refuses to start. Enable a keyring for the login session, or, if the kiosk must run without one, the IT administrator can set "allowBasicTextKeyStorage": true in {{file}}.',
    'shell.keyStorageUnavailable': "The operating system's encrypted storage is unavailable, so the database key cannot be protected. Log in with a normal user session and start the kiosk again.",
    'shell.configInvalid': 'The configuration file {{file}} is invalid: {{detail}}. Fix or remove it and start again.',
    'shell.warning.key_storage_plain_text':
      'The database key is not protected by a system keyring (Linux basic_text). Anyone who can read the data folder can open the database. Set up a system keyring on this machine (see the deployment guide).',
    'shell.warning.updates_not_configured': 'No update server is configured; this kiosk never updates itself. Set updates.feedUrl in shell.json.',
    'shell.warning.update_failed': 'The last update check or download failed; it is retried at the next check. See the log for details.',
    'shell.warning.renderer_recovered': 'The screen process stopped or hung and was reloaded. See the log for details.',
  },
});
