// The one error the importer throws. The code is for logs and callers; the message is what IT staff
// read when a file is refused, in Chinese, saying what is wrong and what to do.

export type AgreementErrorCode =
  | 'agreement_format'
  | 'agreement_encoding'
  | 'agreement_garbled'
  | 'agreement_empty'
  | 'agreement_no_title';

const messages: Record<AgreementErrorCode, string> = {
  agreement_format: '只能导入 .txt 或 .md 格式的协议文件，请另存为纯文本后重试。',
  agreement_encoding: '文件既不是有效的 UTF-8 编码，也不是有效的 GB18030/GBK 编码，请用文本编辑器另存为 UTF-8 后重试。',
  agreement_garbled: '文件内容像是乱码（编码转换出错），请取得原始文件或另存为 UTF-8 后重试。',
  agreement_empty: '文件中没有协议正文，请确认选择了正确的文件。',
  agreement_no_title: '第一行应为协议名称，请在文件开头补上协议标题后重试。',
};

export class AgreementImportError extends Error {
  constructor(
    readonly code: AgreementErrorCode,
    /** 1-based line of the decoded text where the problem was found, when there is one. */
    readonly line: number | null = null,
  ) {
    super(line === null ? messages[code] : `第 ${line} 行：${messages[code]}`);
    this.name = 'AgreementImportError';
  }
}
