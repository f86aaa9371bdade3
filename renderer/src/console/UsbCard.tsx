// U 盘传输: export the records due as an encrypted, signed batch file (downloaded to the USB stick),
// and import the platform's receipt file. Core makes either step harmless to repeat.
import { Button, Card, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileToBase64 } from '../files';
import { useClient } from '../store/session';
import { downloadBase64 } from './download';
import { Notice, type NoticeValue } from './Notice';
import { shortId } from './shortId';

export function UsbCard({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);

  async function exportBatch() {
    setBusy('export');
    const result = await client.call('sync.exportBatch', {});
    setBusy(null);
    if (!result.ok) {
      setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
      return;
    }
    downloadBase64(result.value.fileName, result.value.contentBase64);
    setNotice({
      type: 'success',
      text: t('console.usb.exported', { count: result.value.recordCount, batch: shortId(result.value.batchId), file: result.value.fileName }),
    });
    onChanged();
  }

  async function importReceipt(file: File | undefined) {
    if (!file) return;
    setBusy('import');
    const result = await client.call('sync.importReceipt', { contentBase64: await fileToBase64(file) });
    setBusy(null);
    if (input.current) input.current.value = '';
    if (!result.ok) {
      setNotice({ type: 'error', text: t('console.failed', { reason: result.error.message }) });
      return;
    }
    const params = { batch: shortId(result.value.batchId), ...result.value.outcomes };
    setNotice(
      result.value.applied ? { type: 'success', text: t('console.usb.applied', params) } : { type: 'info', text: t('console.usb.already', params) },
    );
    onChanged();
  }

  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('console.usb.title')}</Typography.Title>}>
      <Typography.Paragraph>{t('console.usb.explain')}</Typography.Paragraph>
      <Space wrap>
        <Button size="large" onClick={() => void exportBatch()} loading={busy === 'export'}>
          {t('console.usb.export')}
        </Button>
        <Button size="large" onClick={() => input.current?.click()} loading={busy === 'import'}>
          {t('console.usb.import')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          aria-label={t('console.usb.import')}
          data-testid="console-receipt-file"
          onChange={(event) => void importReceipt(event.target.files?.[0])}
        />
      </Space>
      <Notice notice={notice} onClose={() => setNotice(null)} />
    </Card>
  );
}
