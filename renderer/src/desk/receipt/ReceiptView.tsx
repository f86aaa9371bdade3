// The receipt after a committed submit (product.md step 9): number, time, agreement title, version
// and short hash, the QR code, the state; print it, or start 新的登记. It holds no personal data.
import { Button, Descriptions, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
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

export function ReceiptView({ receipt, onNew }: { receipt: RegistrationReceipt; onNew: () => void }) {
  const { t } = useTranslation();
  const time = useShanghaiTime();
  return (
    <div className="receipt" data-testid="receipt">
      <Result
        status="success"
        title={t('desk.receipt.saved')}
        extra={
          <Space className="no-print">
            <Button size="large" onClick={() => window.print()}>
              {t('desk.receipt.print')}
            </Button>
            <Button type="primary" size="large" onClick={onNew} autoFocus>
              {t('desk.receipt.new')}
            </Button>
          </Space>
        }
      />
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
