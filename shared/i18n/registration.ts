import { defineCatalog } from './catalog';

// Field messages of the registration rules (shared/domain/registrationRules.ts) and of the checks
// core makes when a registration is submitted. Shown under the field, without a full stop.
export const registrationFieldMessages = defineCatalog({
  'zh-CN': {
    'registration.text.length': '应为 {{min}}-{{max}} 个字符，当前 {{length}} 个',
    'registration.phone.invalid': '联系电话请填写固定电话（区号-号码-分机，如 0532-88886666）或 11 位手机号码',
    'registration.division.invalid': '请选择省、市、区（县）',
    'registration.division.unknown': '行政区划代码 {{code}} 不存在，请重新选择',
    'registration.document.invalid': '证件号码格式不正确，请对照证件核对（只能包含字母和数字）',
    'registration.birthDate.invalid': '出生日期不存在，请按“年-月-日”重新选择',
    'registration.birthDate.future': '出生日期晚于今天，请核对',
    'registration.birthDate.mismatch': '出生日期与身份证号码不一致，应为 {{expected}}',
    'registration.sex.shouldBeMale': '性别与身份证号码不一致，应为男',
    'registration.sex.shouldBeFemale': '性别与身份证号码不一致，应为女',
    'registration.guardian.notAdult': '监护人应年满 {{age}} 周岁，请核对监护人证件号码',
    'registration.guardian.notNeeded': '登记人已满 14 周岁，无需填写监护人信息',
    'registration.enterprise.unknown': '所选企业不在本机的企业登记记录中，请重新选择',
    'registration.signer.notSelf': '签署人应为登记人本人：姓名和证件号码须与登记信息一致',
    'registration.signer.notGuardian': '登记人未满 14 周岁，应由监护人签署：姓名和证件号码须与监护人信息一致',
    'registration.signer.notAgent': '经办人签署时，姓名和证件号码须与经办人信息一致',
    'registration.signer.notLegalRepresentative': '法定代表人签署时，姓名须与法定代表人姓名一致',
    'registration.supersedes.unknown': '要更正或撤回的登记记录不存在',
    'registration.supersedes.closed': '该登记已被平台确认或已被其他记录取代，不能再更正或撤回',
    'registration.supersedes.kind': '更正后的登记类型须与原登记相同',
    'withdrawal.notARegistration': '这是一条撤回记录，不能再更正或撤回',
    'withdrawal.reason.required': '请填写或选择撤回原因',
    'registration.duplicate.reasonRequired': '本机已有相同证件号码或统一社会信用代码的登记；如确需再次登记，请填写原因',
  },
  en: {
    'registration.text.length': 'Must have {{min}}-{{max}} characters; this has {{length}}',
    'registration.phone.invalid': 'Enter a landline (area code-number-extension, e.g. 0532-88886666) or an 11-digit mobile number',
    'registration.division.invalid': 'Choose the province, city and district',
    'registration.division.unknown': 'There is no division with code {{code}}. Please choose again',
    'registration.document.invalid': 'This document number is not valid. Please check it against the document (letters and digits only)',
    'registration.birthDate.invalid': 'This date does not exist. Please choose year-month-day again',
    'registration.birthDate.future': 'The date of birth is in the future. Please check it',
    'registration.birthDate.mismatch': 'The date of birth does not match the ID number; it should be {{expected}}',
    'registration.sex.shouldBeMale': 'The sex does not match the ID number; it should be male',
    'registration.sex.shouldBeFemale': 'The sex does not match the ID number; it should be female',
    'registration.guardian.notAdult': 'A guardian must be at least {{age}} years old. Please check the guardian’s ID number',
    'registration.guardian.notNeeded': 'The registrant is 14 or older; no guardian is needed',
    'registration.enterprise.unknown': 'The chosen enterprise is not among the enterprises registered on this kiosk. Please choose again',
    'registration.signer.notSelf': 'The registrant signs in person: the name and ID number must match the registration',
    'registration.signer.notGuardian': 'The registrant is under 14, so the guardian signs: the name and ID number must match the guardian’s',
    'registration.signer.notAgent': 'When the agent signs, the name and ID number must match the agent’s',
    'registration.signer.notLegalRepresentative': 'When the legal representative signs, the name must match the legal representative’s',
    'registration.supersedes.unknown': 'The registration to correct or withdraw does not exist',
    'registration.supersedes.closed': 'This registration was already confirmed by the platform or replaced, so it can no longer be corrected or withdrawn',
    'registration.supersedes.kind': 'A correction must be of the same kind as the original registration',
    'withdrawal.notARegistration': 'This is a withdrawal record; it cannot be corrected or withdrawn',
    'withdrawal.reason.required': 'Enter or choose the reason for the withdrawal',
    'registration.duplicate.reasonRequired': 'A registration with the same ID number or credit code is already on this kiosk. To register again, give a reason',
  },
});

// Texts core puts in front of the registrant and into the consent snapshot.
export const registrationMessages = defineCatalog({
  'zh-CN': {
    'registration.guardianConsent.text':
      '我是登记人的监护人。登记人未满十四周岁，我已代其阅读上述协议，并同意平台按协议处理其个人信息（含身份证件号码等敏感个人信息）。',
  },
  en: {
    'registration.guardianConsent.text':
      'I am the registrant’s guardian. The registrant is under 14; I have read the agreement above on their behalf and agree that the platform processes their personal information (including sensitive information such as the ID number) as the agreement says.',
  },
});
