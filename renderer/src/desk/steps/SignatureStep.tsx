// Step 5: who signs, in which role, and the handwritten signature. The signer's name and ID number
// come from the form (core refuses a signer who is not the registrant, guardian or agent); only a
// legal representative types their own document here.
import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseIsoDate } from '../../../../shared/validation/calendar';
import { checkDocumentNumber, documentTypes, type DocumentType } from '../../../../shared/validation/document';
import { useFlow } from '../flowStore';
import { SignaturePadField } from '../signature/SignaturePad';
import { signerOf, signerRoles } from '../signing';
import { useDraftCheck } from '../useDraftCheck';

/** The problem with a legal representative's own document number, if any. */
export function useSignerIdIssue(): string | undefined {
  const { t } = useTranslation();
  const signer = useFlow((state) => state.signer);
  const today = useFlow((state) => state.spec?.today);
  if (signer?.role !== 'legal_representative' || !today) return undefined;
  const checked = checkDocumentNumber(signer.idType, signer.idNumber, parseIsoDate(today));
  return checked.ok ? undefined : t(checked.issue.key, checked.issue.params ?? {});
}

export function SignatureStep() {
  const { t } = useTranslation();
  const check = useDraftCheck();
  const choice = useFlow((state) => state.signer);
  const setSigner = useFlow((state) => state.setSigner);
  const signature = useFlow((state) => state.signature);
  const setSignature = useFlow((state) => state.setSignature);
  const resign = useFlow((state) => state.resign);
  const showAll = useFlow((state) => state.showAll);
  const serverErrors = useFlow((state) => state.serverErrors);
  const idIssue = useSignerIdIssue();
  if (!check?.payload || !choice) return null;
  const roles = signerRoles(check.payload, check.minor);
  const signer = signerOf(check.payload, choice, check.minor);
  const signatureMessage =
    serverErrors['signing.signaturePng'] ??
    (showAll && !signature ? t('desk.signature.empty') : showAll && signature && !signature.substantial ? t('desk.signature.trivial') : undefined);
  const signerMessage = serverErrors['signing.signer'] ?? serverErrors['signing.signer.role'] ?? serverErrors['signing.signer.name'];
  const idMessage = serverErrors['signing.signer.idNumber'] ?? (showAll ? idIssue : undefined);

  return (
    <Form layout="vertical" component="div">
      {resign && <Alert type="warning" showIcon role="alert" title={t('desk.signature.resign')} className="desk-note" />}
      {signerMessage && <Alert type="error" showIcon role="alert" title={signerMessage} className="desk-note" />}
      <div className="desk-grid">
        <Form.Item label={t('desk.signature.role')} htmlFor="desk-signer-role">
          <Radio.Group
            id="desk-signer-role"
            aria-label={t('desk.signature.role')}
            optionType="button"
            buttonStyle="solid"
            value={signer.role}
            onChange={(event) => setSigner({ ...choice, role: event.target.value as typeof signer.role })}
            options={roles.map((role) => ({ value: role, label: t(`consent.role.${role}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('desk.signature.signerName')}>
          <Typography.Text strong className="signer-name" data-testid="signer-name">
            {signer.name}
          </Typography.Text>
        </Form.Item>
      </div>
      {signer.role === 'legal_representative' && (
        <div className="desk-grid">
          <Form.Item label={t('desk.signature.signerIdType')} htmlFor="desk-signer-idType">
            <Select
              id="desk-signer-idType"
              value={choice.idType}
              onChange={(idType: DocumentType) => setSigner({ ...choice, idType })}
              options={documentTypes.map((type) => ({ value: type, label: t(`consent.idType.${type}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('desk.signature.signerIdNumber')}
            htmlFor="desk-signer-idNumber"
            required
            validateStatus={idMessage ? 'error' : undefined}
            help={idMessage}
          >
            <Input
              id="desk-signer-idNumber"
              value={choice.idNumber}
              autoComplete="off"
              maxLength={40}
              onChange={(event) => setSigner({ ...choice, idNumber: event.target.value })}
            />
          </Form.Item>
        </div>
      )}
      <Form.Item
        label={t('desk.signature.pad')}
        htmlFor="desk-signature"
        required
        validateStatus={signatureMessage ? 'error' : undefined}
        help={signatureMessage}
        extra={<span id="desk-signature-hint">{t('desk.signature.hint')}</span>}
      >
        <SignaturePadField id="desk-signature" value={signature} onChange={setSignature} invalid={Boolean(signatureMessage)} describedBy="desk-signature-hint" />
      </Form.Item>
    </Form>
  );
}
