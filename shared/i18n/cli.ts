import { defineCatalog } from './catalog';

// Messages printed by `npm start`, the loopback host and the admin CLI.
export const cliMessages = defineCatalog({
  'zh-CN': {
    'cli.electronMissing': '未找到 Electron 可执行文件，改为在 127.0.0.1 上启动浏览器模式。',
    'cli.building': '正在构建界面，请稍候…',
    'cli.buildFailed': '界面构建失败，请查看上方输出。',
    'cli.rendererMissing': '找不到已构建的界面（{{path}}）。请先运行 npm run build。',
    'cli.db.database_unreadable': '无法打开数据库（{{path}}）：密钥不正确或文件已损坏。数据未被改动，请联系信息技术管理员从备份恢复。',
    'cli.db.database_key_missing': '数据库（{{path}}）存在，但找不到它的密钥。为保护数据，本机不会新建数据库；请恢复密钥文件或联系信息技术管理员。',
    'cli.db.database_too_new': '数据库（{{path}}）由更新版本的登记机创建，当前版本无法打开。请升级本软件。',
    'cli.db.database_pragmas': '数据库（{{path}}）无法启用必需的安全写入设置，已停止启动。',
    'cli.usage': '用法：npm run -s kiosk -- <命令> [--data-dir 目录]\n命令：\n  queue stats [--json]                  按状态统计登记记录\n  operator add --id 工号 --name 姓名 --role operator|it_admin --pin PIN码\n  operator list [--json]                列出操作员\n  operator unlock --id 工号             解除登录锁定\n  operator reset-pin --id 工号 --pin PIN码   重置 PIN 码（信息技术恢复途径）',
    'cli.unknownCommand': '未知命令：{{command}}',
    'cli.badArguments': '参数有误：{{detail}}',
    'cli.operatorAdded': '已添加操作员 {{staffId}}（{{role}}）。',
    'cli.operatorUnlocked': '已解除 {{staffId}} 的登录锁定。',
    'cli.pinReset': '已重置 {{staffId}} 的 PIN 码。',
    'cli.queueStats': '登记记录共 {{total}} 条',
  },
  en: {
    'cli.electronMissing': 'No Electron binary found; starting the browser mode on 127.0.0.1 instead.',
    'cli.building': 'Building the UI, please wait…',
    'cli.buildFailed': 'The UI build failed; see the output above.',
    'cli.rendererMissing': 'The built UI was not found ({{path}}). Run npm run build first.',
    'cli.db.database_unreadable': 'Cannot open the database ({{path}}): wrong key or damaged file. Nothing was changed; ask the IT administrator to restore from a backup.',
    'cli.db.database_key_missing': 'The database ({{path}}) exists but its key is missing. To protect the data no new database is created; restore the key file or contact the IT administrator.',
    'cli.db.database_too_new': 'The database ({{path}}) was written by a newer kiosk version and cannot be opened by this one. Please upgrade.',
    'cli.db.database_pragmas': 'The database ({{path}}) could not enable the required durable-write settings; start-up stopped.',
    'cli.usage': 'Usage: npm run -s kiosk -- <command> [--data-dir DIR]\nCommands:\n  queue stats [--json]                  count registrations by state\n  operator add --id ID --name NAME --role operator|it_admin --pin PIN\n  operator list [--json]                list operators\n  operator unlock --id ID               clear a login lockout\n  operator reset-pin --id ID --pin PIN  reset a PIN (IT recovery path)',
    'cli.unknownCommand': 'Unknown command: {{command}}',
    'cli.badArguments': 'Invalid arguments: {{detail}}',
    'cli.operatorAdded': 'Operator {{staffId}} ({{role}}) added.',
    'cli.operatorUnlocked': 'Login lockout of {{staffId}} cleared.',
    'cli.pinReset': 'PIN of {{staffId}} reset.',
    'cli.queueStats': '{{total}} registrations in all',
  },
});
