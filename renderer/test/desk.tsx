// A registration flow in a component test: the scripted service answers prepare, the agreement
// and the division tree the way core does, and the test drives the flow store and the screen.
import type { OperationName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import type { CurrentAgreement } from '../../shared/domain/agreement';
import type { DivisionNode } from '../../shared/domain/division';
import type { RegistrationKind } from '../../shared/domain/registration';
import type { RegistrationPayload } from '../../shared/domain/registrationPayload';
import type { RegistrationFormSpec } from '../../shared/domain/submission';
import { createApiClient } from '../src/api/client';
import { startRegistration } from '../src/desk/flowActions';
import { useFlow } from '../src/desk/flowStore';
import { useReference } from '../src/desk/reference';
import type { Responder } from './harness';

export const TODAY = '2026-01-15';

export const divisionTree: DivisionNode[] = [
  { code: '370000', name: '山东省', children: [{ code: '370200', name: '青岛市', children: [{ code: '370202', name: '市南区' }] }] },
];

export function formSpec(kind: RegistrationKind): RegistrationFormSpec {
  const consent = (item: string, required: boolean, text: string) => ({ item, required, separate: item !== 'agreement', clause: null, text });
  return {
    kind,
    profileId: 'qingdao',
    requiredFields:
      kind === 'enterprise'
        ? ['enterpriseName', 'creditCode', 'enterpriseType', 'registeredAddress', 'legalRepresentative', 'agentName', 'agentIdNumber', 'agentMobile']
        : ['name', 'idType', 'idNumber', 'mobile', 'enterprise'],
    consents: [consent('agreement', true, '我已阅读并同意协议。'), consent('sensitive-personal-information', true, '我同意处理敏感个人信息。'), consent('product-information', false, '我同意接收产品信息。')],
    guardianConsent: consent('guardian', true, '我是登记人的监护人。'),
    today: TODAY,
  };
}

export const agreement: CurrentAgreement = {
  profileId: 'qingdao',
  agreementId: 'qingdao-registration',
  version: '1.0',
  title: '注册协议',
  locale: 'zh-CN',
  effectiveFrom: '2024-01-01T00:00:00.000+08:00',
  canonicalSha256: 'a'.repeat(64),
  document: { title: '注册协议', publishedAt: null, titleLine: '注册协议', dateLine: null, preamble: [], sections: [{ number: '一', heading: '总则', opening: '', paragraphs: ['条款正文'], sections: [] }] },
};

/** Answers the reference calls of a starting registration; everything else goes to `rest`. */
export function deskResponder(kind: RegistrationKind, rest: Responder = () => new Promise(() => undefined)): Responder {
  return async (operation: OperationName, input: unknown): Promise<ApiResult<unknown>> => {
    if (operation === 'registrations.prepare') return { ok: true, value: formSpec(kind) };
    if (operation === 'agreements.current') return { ok: true, value: agreement };
    if (operation === 'reference.divisions') return { ok: true, value: divisionTree };
    if (operation === 'registrations.findEnterprises') return { ok: true, value: [] };
    return rest(operation, input);
  };
}

/** Starts a registration (or a correction of `payload`) against the scripted service. */
export async function startDesk(kind: RegistrationKind, respond: Responder, payload?: RegistrationPayload): Promise<void> {
  useFlow.getState().wipe();
  useReference.setState({ divisions: null, cities: null, isDivision: undefined });
  const client = createApiClient({ call: respond, subscribe: () => () => undefined });
  await startRegistration(client, kind, payload ? { correction: { id: '0190a0b0-0000-7000-8000-000000000001', number: '20260115-0001' }, payload } : undefined);
}
