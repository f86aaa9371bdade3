import { defineCatalog } from './catalog';

// Messages of sync with the central platform: errors of the sync operations, the reasons a record
// is quarantined by the kiosk itself (`sync.reason.*`; the platform's `protocol.*` keys are in
// syncProtocol.ts), and the CLI's sync commands.
export const syncMessages = defineCatalog({
  'zh-CN': {
    'errors.sync_not_enrolled': '本机尚未在中心平台登记。请信息技术管理员先完成登记（平台地址和一次性登记码）。',
    'errors.sync_unreachable': '无法连接中心平台（{{detail}}）。请检查平台地址和网络后重试。',
    'errors.sync_enrolment_refused': '中心平台拒绝了登记（{{detail}}）。登记码可能有误或已用过，请向平台索取新的登记码。',
    'errors.sync_not_quarantined': '该记录不在待处理（隔离）列表中，无法执行此操作。',
    'errors.sync_confirm_failed': '需要另一位信息技术管理员输入其工号和 PIN 码确认。确认信息有误，操作未执行。',
    'errors.sync_no_encryption_key': '中心平台在登记时未提供加密公钥，无法导出 U 盘批次。请联系平台方。',
    'errors.sync_nothing_to_export': '没有待导出的记录。',
    'errors.sync_file_invalid': '该回执文件无法识别、不属于本机，或签名校验未通过，未作任何更改。',
    'state.discarded': '已作废',
    'sync.field.platformUrl': '请输入以 http:// 或 https:// 开头的平台地址',
    'sync.field.code': '请输入平台提供的一次性登记码',
    'sync.reason.conflict': '平台已有同一编号但内容不同的记录（冲突）。请核对后更正（新建更正记录）或作废。',
    'sync.reason.unsendable': '该记录的数据已不完整，无法发送。',
    'sync.reason.refused': '平台拒收了该记录（即使单独发送也被拒）。',
    'sync.cli.usage':
      '同步命令：\n  enrol --platform 平台地址 --code 登记码   在中心平台登记本机\n  sync run [--json]                     立即同步一轮，输出各结果数量\n  export-batch 文件                     将待同步记录导出为加密签名的批次文件（U 盘）\n  import-receipt 文件                   导入平台的回执文件并应用结果',
    'sync.cli.enrolled': '已在 {{platformUrl}} 登记，本机编号 {{kioskId}}，平台密钥 {{shortKeyId}}。',
    'sync.cli.passDone':
      '同步完成：{{batches}} 个批次，接收 {{accepted}}，重复 {{duplicate}}，冲突 {{conflict}}，拒收 {{rejected}}；仍待同步 {{pending}}。',
    'sync.cli.busy': '另一个程序（例如正在运行的登记机）正在同步本数据目录，本次未发送。它会发送到期的记录；如需立即同步，请稍后再试。',
    'sync.cli.passFailed':
      '同步中断（{{error}}）：{{batches}} 个批次，接收 {{accepted}}，重复 {{duplicate}}，冲突 {{conflict}}，拒收 {{rejected}}；仍待同步 {{pending}}。',
    'sync.cli.exported': '已将 {{count}} 条记录（批次 {{batchId}}）写入 {{file}}。',
    'sync.cli.receiptApplied': '已应用批次 {{batchId}} 的回执：接收 {{accepted}}，重复 {{duplicate}}，冲突 {{conflict}}，拒收 {{rejected}}。',
    'sync.cli.receiptAlready': '批次 {{batchId}} 的回执已应用过，未作更改。',
    'sync.cli.fileUnreadable': '无法读取文件 {{file}}（{{reason}}）。',
  },
  en: {
    'errors.sync_not_enrolled': 'This kiosk is not enrolled with the central platform. An IT administrator must enrol it first (platform address and one-time code).',
    'errors.sync_unreachable': 'The central platform cannot be reached ({{detail}}). Check the platform address and the network, then try again.',
    'errors.sync_enrolment_refused':
      'The central platform refused the enrolment ({{detail}}). The code may be wrong or already used; ask the platform for a new one.',
    'errors.sync_not_quarantined': 'This record is not in the quarantine, so this action does not apply.',
    'errors.sync_confirm_failed': 'A second IT administrator must confirm with their staff ID and PIN. The confirmation was not valid; nothing was done.',
    'errors.sync_no_encryption_key': 'The platform gave no encryption key at enrolment, so no USB batch can be written. Contact the platform.',
    'errors.sync_nothing_to_export': 'There are no records to export.',
    'errors.sync_file_invalid': 'The receipt file is not recognised, is for another kiosk, or its signature does not verify; nothing was changed.',
    'state.discarded': 'Discarded',
    'sync.field.platformUrl': 'Enter the platform address, starting with http:// or https://',
    'sync.field.code': 'Enter the one-time enrolment code the platform gave you',
    'sync.reason.conflict': 'The platform holds a record with this id but different content (conflict). Check it, then correct it (a new correcting record) or discard it.',
    'sync.reason.unsendable': 'The data of this record is incomplete; it cannot be sent.',
    'sync.reason.refused': 'The platform refused this record (even when sent alone).',
    'sync.cli.usage':
      'Sync commands:\n  enrol --platform URL --code CODE      enrol this kiosk with the central platform\n  sync run [--json]                     run one sync pass now and print its outcome counts\n  export-batch FILE                     write the records due as an encrypted, signed batch file (USB)\n  import-receipt FILE                   import the platform’s receipt file and apply its outcomes',
    'sync.cli.enrolled': 'Enrolled with {{platformUrl}}: kiosk {{kioskId}}, platform key {{shortKeyId}}.',
    'sync.cli.passDone':
      'Sync done: {{batches}} batches, accepted {{accepted}}, duplicate {{duplicate}}, conflict {{conflict}}, rejected {{rejected}}; {{pending}} still pending.',
    'sync.cli.busy': 'Another program (the running kiosk, for example) is syncing this data folder, so nothing was sent. It sends what is due; to sync now, try again in a moment.',
    'sync.cli.passFailed':
      'Sync stopped ({{error}}): {{batches}} batches, accepted {{accepted}}, duplicate {{duplicate}}, conflict {{conflict}}, rejected {{rejected}}; {{pending}} still pending.',
    'sync.cli.exported': '{{count}} records (batch {{batchId}}) written to {{file}}.',
    'sync.cli.receiptApplied': 'Receipt of batch {{batchId}} applied: accepted {{accepted}}, duplicate {{duplicate}}, conflict {{conflict}}, rejected {{rejected}}.',
    'sync.cli.receiptAlready': 'The receipt of batch {{batchId}} was applied before; nothing changed.',
    'sync.cli.fileUnreadable': 'Cannot read the file {{file}} ({{reason}}).',
  },
});
