// Why the platform or the kiosk refused a record: the reason, then each field it named.
import type { BatchItemView } from '../../../shared/domain/sync';

export function RecordReason({ message, fields }: { message: string | null; fields: BatchItemView['fields'] }) {
  if (!message && fields.length === 0) return null;
  return (
    <div className="console-reason">
      {message && <div>{message}</div>}
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={`${field.field}-${field.reason}`}>
              <code>{field.field}</code> {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
