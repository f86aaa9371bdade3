// One line of feedback under a console section: what an action did, or why it was not done.
import { Alert } from 'antd';

export type NoticeValue = { type: 'success' | 'error' | 'info'; text: string } | null;

export function Notice({ notice, onClose }: { notice: NoticeValue; onClose: () => void }) {
  if (!notice) return null;
  return <Alert type={notice.type} showIcon title={notice.text} closable onClose={onClose} role={notice.type === 'error' ? 'alert' : 'status'} />;
}
