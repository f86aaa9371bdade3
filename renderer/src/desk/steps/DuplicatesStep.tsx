// Step 2 (only when needed): the same 统一社会信用代码 or ID number is already registered here. The
// operator opens the earlier record, or goes on with a reason that is recorded with the new one.
import { Alert, Button, Form, Input, List, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlow } from '../flowStore';
import { RecordDetails } from '../record/RecordDetails';
import { useShanghaiTime } from '../time';

export function DuplicatesStep() {
  const { t } = useTranslation();
  const kind = useFlow((state) => state.kind);
  const duplicates = useFlow((state) => state.duplicates);
  const reason = useFlow((state) => state.duplicateReason);
  const setReason = useFlow((state) => state.setDuplicateReason);
  const showAll = useFlow((state) => state.showAll);
  const server = useFlow((state) => state.serverErrors.duplicateReason);
  const [opened, setOpened] = useState<string | null>(null);
  const time = useShanghaiTime();
  const message = server ?? (showAll && reason.trim() === '' ? t('desk.duplicates.reasonRequired') : undefined);

  return (
    <>
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('desk.duplicates.title')}
        description={
          <>
            <p>{t(kind === 'enterprise' ? 'desk.duplicates.intro.enterprise' : 'desk.duplicates.intro.individual')}</p>
            <List
              dataSource={duplicates}
              renderItem={(match) => (
                <List.Item
                  data-testid="duplicate-match"
                  actions={[
                    <Button key="open" onClick={() => setOpened(match.id)}>
                      {t('desk.duplicates.open')}
                    </Button>,
                  ]}
                >
                  {t('desk.duplicates.item', { number: match.number, time: time(match.createdAt), state: t(`state.${match.state}`) })}
                </List.Item>
              )}
            />
            <p>{t('desk.duplicates.advice')}</p>
          </>
        }
      />
      <Form layout="vertical" component="div" className="desk-reason">
        <Form.Item
          label={t('desk.duplicates.reason')}
          htmlFor="desk-duplicateReason"
          required
          validateStatus={message ? 'error' : undefined}
          help={message}
        >
          <Input.TextArea id="desk-duplicateReason" value={reason} maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} onChange={(event) => setReason(event.target.value)} />
        </Form.Item>
      </Form>
      <Modal open={opened !== null} onCancel={() => setOpened(null)} footer={null} width={720} destroyOnHidden>
        {opened && <RecordDetails id={opened} />}
      </Modal>
    </>
  );
}
