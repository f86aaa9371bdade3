import { defineCatalog } from './catalog';

// Field rules owned by the shared domain schemas (operators); validators have their own part.
export const formMessages = defineCatalog({
  'zh-CN': {
    'operator.staffId.format': '工号应为 2-32 位字母、数字、下划线或连字符。',
    'operator.pin.format': 'PIN 码应为 6-12 位数字。',
  },
  en: {
    'operator.staffId.format': 'Staff ID must be 2-32 letters, digits, underscores or hyphens.',
    'operator.pin.format': 'PIN must be 6-12 digits.',
  },
});
