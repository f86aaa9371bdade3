import { defineCatalog } from './catalog';

// Field messages of the shared validators (shared/validation) and the generic ones zod schemas fall
// back to. A field message names what is wrong and what to do; it ends without a full stop because
// it is shown under the field, like the mandated checksum wording.
export const validationMessages = defineCatalog({
  'zh-CN': {
    'validation.required': '此项为必填项，请填写',
    'validation.invalidType': '内容格式不正确，请重新填写',
    'validation.tooLong': '内容过长，请删减后重新填写',
    'validation.unknownField': '提交了无法识别的项目，请刷新页面后重试',

    'validation.idNumber.length': '身份证号码应为 18 位，当前 {{length}} 位',
    'validation.idNumber.legacy15': '这是已停用的 15 位旧身份证号码，请输入 18 位身份证号码',
    'validation.idNumber.badChar':
      '身份证号码第 {{position}} 位“{{char}}”无效，前 17 位只能是数字，最后一位是数字或 X',
    'validation.idNumber.province': '身份证号码前两位 {{code}} 不是有效的省级行政区代码，请核对',
    'validation.idNumber.date': '身份证号码中的出生日期 {{date}} 不存在，请核对第 7-14 位',
    'validation.idNumber.future': '身份证号码中的出生日期 {{date}} 晚于今天，请核对第 7-14 位',
    'validation.idNumber.tooOld':
      '身份证号码中的出生日期 {{date}} 对应年龄超过 {{max}} 岁，请核对第 7-14 位',
    'validation.idNumber.checksum': '校验位不正确，应为 {{expected}}',

    'validation.creditCode.length': '统一社会信用代码应为 18 位，当前 {{length}} 位',
    'validation.creditCode.excludedLetter':
      '统一社会信用代码不使用字母 I、O、S、V、Z（以免与 1、0、5、U、2 混淆），第 {{position}} 位“{{char}}”请对照营业执照核对',
    'validation.creditCode.badChar':
      '统一社会信用代码第 {{position}} 位“{{char}}”无效，只能包含数字和大写英文字母',
    'validation.creditCode.division':
      '统一社会信用代码第 3-8 位是行政区划代码，只能是数字，第 {{position}} 位“{{char}}”请核对',
    'validation.creditCode.checksum': '校验位不正确，应为 {{expected}}',

    'validation.mobile.invalid': '手机号码应为 1 开头的 11 位数字（可带 +86），请核对',
    'validation.landline.invalid': '固定电话请按“区号-号码-分机”填写，如 0532-88886666-123，没有分机可省略',
    'validation.email.invalid': '电子邮箱格式不正确，请按 name@example.com 的格式填写',
    'validation.email.tooLong': '电子邮箱不能超过 {{max}} 个字符，当前 {{length}} 个',

    'validation.name.length': '姓名应为 {{min}}-{{max}} 个字符，当前 {{length}} 个',
    'validation.name.chars':
      '姓名请填写汉字（少数民族或外国人姓名各部分用“·”分隔），或按护照填写英文字母（单词间用空格分隔）',
    'validation.name.dot': '姓名中的“·”只能用在两部分之间，不能在开头、结尾或连续使用',
  },
  en: {
    'validation.required': 'This field is required',
    'validation.invalidType': 'This value is not in the expected format. Please enter it again',
    'validation.tooLong': 'This is too long. Please shorten it',
    'validation.unknownField': 'The form sent a field the kiosk does not know. Please reload the page and try again',

    'validation.idNumber.length': 'An ID number has 18 characters; this one has {{length}}',
    'validation.idNumber.legacy15':
      'This is an old 15-digit ID number, which is no longer in use. Please enter the 18-character ID number',
    'validation.idNumber.badChar':
      'Character {{position}} ("{{char}}") is not allowed: the first 17 characters must be digits and the last a digit or X',
    'validation.idNumber.province':
      'The first two digits ({{code}}) are not a valid province code. Please check the ID number',
    'validation.idNumber.date':
      'The birth date {{date}} in the ID number does not exist. Please check characters 7-14',
    'validation.idNumber.future':
      'The birth date {{date}} in the ID number is in the future. Please check characters 7-14',
    'validation.idNumber.tooOld':
      'The birth date {{date}} in the ID number means an age over {{max}}. Please check characters 7-14',
    'validation.idNumber.checksum': 'The check character is wrong; it should be {{expected}}',

    'validation.creditCode.length': 'A unified social credit code has 18 characters; this one has {{length}}',
    'validation.creditCode.excludedLetter':
      'Credit codes never use the letters I, O, S, V or Z (they look like 1, 0, 5, U and 2). Please check character {{position}} ("{{char}}") against the business licence',
    'validation.creditCode.badChar':
      'Character {{position}} ("{{char}}") is not allowed: a credit code has only digits and capital letters',
    'validation.creditCode.division':
      'Characters 3-8 are the administrative division code and must be digits. Please check character {{position}} ("{{char}}")',
    'validation.creditCode.checksum': 'The check character is wrong; it should be {{expected}}',

    'validation.mobile.invalid': 'A mobile number has 11 digits starting with 1 (a +86 prefix is allowed). Please check it',
    'validation.landline.invalid':
      'Enter the landline as area code-number-extension, e.g. 0532-88886666-123; leave out the extension if there is none',
    'validation.email.invalid': 'This email address is not valid. Please use the form name@example.com',
    'validation.email.tooLong': 'An email address may have at most {{max}} characters; this one has {{length}}',

    'validation.name.length': 'A name must have {{min}}-{{max}} characters; this one has {{length}}',
    'validation.name.chars':
      'Enter the name in Chinese characters (parts of a minority or foreign name separated by "·"), or in Latin letters as on the passport, words separated by spaces',
    'validation.name.dot': 'The "·" in a name may only stand between two parts, not at the start, at the end or twice in a row',
  },
});
