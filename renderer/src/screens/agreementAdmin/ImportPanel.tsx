// Importing a new agreement version: choose the file, name the version, preview how it imports
// (outline and the lines the importer was unsure about), then save. Nothing is stored before 保存.
import { Alert, AutoComplete, Button, Card, Form, Input, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementImportOutcome, AgreementPreview } from '../../../../shared/domain/agreement';
import { AgreementIdSchema, EffectiveFromSchema, VersionLabelSchema } from '../../../../shared/domain/agreement';
import { AgreementOutlineTree } from '../../components/AgreementOutlineTree';
import { fileToBase64 } from '../../files';
import { schemaRule, showFieldErrors } from '../../forms';
import { useClient, useSession } from '../../store/session';

interface VersionFields {
  agreementId: string;
  version: string;
  effectiveFrom: string;
}

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

function PreviewDetails({ preview }: { preview: AgreementPreview }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('agreementAdmin.previewTitle', { title: preview.document.title })}
      className="form-alert"
      data-testid="agreement-preview"
    >
      <Typography.Paragraph type="secondary">
        {t('agreementAdmin.previewMeta', {
          encoding: preview.encoding,
          canonical: preview.canonicalSha256.slice(0, 12),
          source: preview.sourceSha256.slice(0, 12),
        })}
      </Typography.Paragraph>
      {preview.warnings.length === 0 ? (
        <Alert type="success" showIcon className="form-alert" title={t('agreementAdmin.noWarnings')} />
      ) : (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('agreementAdmin.warnings', { count: preview.warnings.length })}
          description={
            <ul className="preview-warnings">
              {preview.warnings.map((warning) => (
                <li key={`${warning.line}-${warning.code}`}>
                  <strong>{t('agreementAdmin.warningLine', { line: warning.line })}</strong> {t(`agreements.warning.${warning.code}`)}
                  <Typography.Text type="secondary"> {'\u2014'} {warning.text}</Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Text strong>{t('agreementAdmin.outline')}</Typography.Text>
      <AgreementOutlineTree document={preview.document} />
    </Card>
  );
}

export function ImportPanel({ knownIds, onSaved }: { knownIds: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const locale = useSession((state) => state.locale);
  const [form] = Form.useForm<VersionFields>();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<AgreementPreview | null>(null);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const [outcome, setOutcome] = useState<AgreementImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(file: File) {
    setFileList([{ uid: `${file.name}-${file.size}`, name: file.name, status: 'done' }]);
    setPreview(null);
    setOutcome(null);
    setProblem(null);
    setChosen({ fileName: file.name, contentBase64: await fileToBase64(file) });
  }

  function forget() {
    setFileList([]);
    setChosen(null);
    setPreview(null);
  }

  async function runPreview() {
    setOutcome(null);
    if (!chosen) {
      setProblem({ title: t('agreementAdmin.previewFailed'), message: t('agreementAdmin.noFile') });
      return;
    }
    setBusy(true);
    const result = await client.call('agreements.preview', chosen);
    setBusy(false);
    if (result.ok) {
      setPreview(result.value);
      setProblem(null);
    } else {
      setPreview(null);
      setProblem({ title: t('agreementAdmin.previewFailed'), message: result.error.message });
    }
  }

  async function save(values: VersionFields) {
    if (!chosen) return;
    setBusy(true);
    const result = await client.call('agreements.import', { ...chosen, ...values });
    setBusy(false);
    if (!result.ok) {
      setProblem({ title: t('agreementAdmin.failed'), message: result.error.message });
      showFieldErrors(form, result.error.fields);
      return;
    }
    setProblem(null);
    setOutcome(result.value);
    form.resetFields();
    forget();
    onSaved();
  }

  return (
    <Card title={<Typography.Title level={2} className="section-title">{t('agreementAdmin.importTitle')}</Typography.Title>}>
      <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
        <Form.Item label={t('agreementAdmin.file')} required>
          <Upload
            accept=".txt,.md,.markdown"
            maxCount={1}
            fileList={fileList}
            beforeUpload={(file) => {
              void choose(file);
              // Nothing is uploaded anywhere: the file is read here and sent through the API.
              return false;
            }}
            onRemove={forget}
          >
            <Button>{t('agreementAdmin.chooseFile')}</Button>
          </Upload>
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item
            name="agreementId"
            label={t('agreementAdmin.agreementId')}
            extra={t('agreementAdmin.agreementIdHelp')}
            rules={[schemaRule(AgreementIdSchema, locale)]}
          >
            <AutoComplete
              className="admin-id-input"
              options={knownIds.map((id) => ({ value: id }))}
              filterOption={(input, option) => option?.value.includes(input) ?? false}
            />
          </Form.Item>
          <Form.Item name="version" label={t('agreementAdmin.version')} rules={[schemaRule(VersionLabelSchema, locale)]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('agreementAdmin.effectiveFrom')}
            extra={t('agreementAdmin.effectiveHelp')}
            rules={[schemaRule(EffectiveFromSchema, locale)]}
          >
            <Input type="date" />
          </Form.Item>
        </Space>
        {problem && <Alert type="error" showIcon className="form-alert" title={problem.title} description={problem.message} />}
        {outcome && (
          <Alert
            type="success"
            showIcon
            className="form-alert"
            title={t(outcome.stored ? 'agreementAdmin.saved' : 'agreementAdmin.unchanged', {
              agreementId: outcome.agreementId,
              version: outcome.version,
            })}
          />
        )}
        {preview && <PreviewDetails preview={preview} />}
        <Space>
          <Button size="large" onClick={runPreview} loading={busy && !preview}>
            {t('agreementAdmin.preview')}
          </Button>
          <Button type="primary" size="large" htmlType="submit" disabled={!preview} loading={busy && preview !== null}>
            {t('agreementAdmin.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
