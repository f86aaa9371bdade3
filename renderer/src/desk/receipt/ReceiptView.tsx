// The receipt after a committed submit (product.md step 9): number, time, agreement title, version
// and short hash, the QR code, the state; print it, or start 新的登记. It holds no personal data.
import { Button, Descriptions, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../store/session';
import type { RegistrationReceipt } from '../../../../shared/domain/registration';
import { useShanghaiTime } from '../time';
import { qrMatrix, qrPath, receiptQrText } from './qr';

const QUIET_ZONE = 4;

export function ReceiptQr({ receipt }: { receipt: RegistrationReceipt }) {
  const { t } = useTranslation();
  const matrix = qrMatrix(receiptQrText(receipt));
  const side = matrix.size + QUIET_ZONE * 2;
  return (
    <svg
      className="receipt-qr"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={t('desk.receipt.qr')}
      data-testid="receipt-qr"
      data-modules={matrix.size}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(matrix, QUIET_ZONE)} fill="#000" />
    </svg>
  );
}

/**
 * Printing goes through the shell: in Electron to the configured printer (else the dialog) or into
 * a PDF; in the browser the page prints itself with the browser's dialog, which can also save a PDF.
 */
function useReceiptOutput(receipt: RegistrationReceipt) {
  const client = useClient();
  const [notice, setNotice] = useState<{ failed: boolean; text: string } | null>(null);
  async function output(pdf: boolean) {
    setNotice(null);
    const result = await client.call('shell.outputReceipt', { registrationId: receipt.id, pdf });
    if (!result.ok) setNotice({ failed: true, text: result.error.message });
    else if (result.value.method === 'browser') window.print();
    else if (result.value.method === 'pdf' && result.value.file) setNotice({ failed: false, text: result.value.file });
  }
  return { output, notice };
}

export function ReceiptView({ receipt, onNew }: { receipt: RegistrationReceipt; onNew: () => void }) {
  const { t } = useTranslation();
  const time = useShanghaiTime();
  const { output, notice } = useReceiptOutput(receipt);
  return (
    <div className="receipt" data-testid="receipt">
      <Result
        status="success"
        title={t('desk.receipt.saved')}
        extra={
          <Space className="no-print">
            <Button size="large" onClick={() => void output(false)}>
              {t('desk.receipt.print')}
            </Button>
            <Button size="large" onClick={() => void output(true)}>
              {t('desk.receipt.pdf')}
            </Button>
            <Button type="primary" size="large" onClick={onNew} autoFocus>
              {t('desk.receipt.new')}
            </Button>
          </Space>
        }
      />
      {notice && (
        <p className="no-print" role={notice.failed ? 'alert' : 'status'} data-testid="receipt-output">
          {notice.failed ? notice.text : t('desk.receipt.pdfSaved', { file: notice.text })}
        </p>
      )}
      <div className="receipt-body">
        <Descriptions column={1} bordered size="middle" className="receipt-facts">
          <Descriptions.Item label={t('desk.receipt.number')}>
            <span data-testid="receipt-number">{receipt.number}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.receipt.time')}>{time(receipt.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('desk.receipt.agreement')}>
            {t('desk.receipt.agreementValue', {
              title: receipt.agreement.title,
              version: receipt.agreement.version,
              hash: receipt.agreement.sha256.slice(0, 12),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('desk.receipt.state')}>
            <span data-testid="receipt-state">{t(`state.${receipt.state}`)}</span>
          </Descriptions.Item>
          {receipt.supersedes && <Descriptions.Item label={t('desk.receipt.supersedes')}>{receipt.supersedes}</Descriptions.Item>}
        </Descriptions>
        <ReceiptQr receipt={receipt} />
      </div>
    </div>
  );
}
