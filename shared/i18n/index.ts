// The merged catalogue and a dependency-free translate() usable in core, CLI and the renderer.
import { defaultLocale, type Locale } from './catalog';
import { errorMessages } from './errors';
import { formMessages } from './forms';
import { validationMessages } from './validation';
import { uiMessages } from './ui';
import { cliMessages } from './cli';
import { agreementMessages } from './agreements';
import { consentFieldMessages, consentMessages } from './consent';
import { registrationFieldMessages, registrationMessages } from './registration';
import { shellMessages } from './shell';
import { syncMessages } from './sync';
import { deskMessages } from './desk';
import { syncProtocolMessages } from './syncProtocol';
import { consoleMessages } from './console';

export { defaultLocale, locales, type Locale } from './catalog';

const parts = [
  errorMessages,
  formMessages,
  validationMessages,
  uiMessages,
  cliMessages,
  agreementMessages,
  consentFieldMessages,
  consentMessages,
  registrationFieldMessages,
  registrationMessages,
  shellMessages,
  deskMessages,
  syncProtocolMessages,
  syncMessages,
  consoleMessages,
] as const;

type PartKeys<P> = P extends { readonly 'zh-CN': infer M } ? keyof M & string : never;
export type MessageKey = PartKeys<(typeof parts)[number]>;
export type MessageParams = Readonly<Record<string, string | number>>;

function merge(locale: Locale): Readonly<Record<string, string>> {
  const merged: Record<string, string> = {};
  for (const part of parts) {
    for (const [key, text] of Object.entries(part[locale])) {
      if (Object.hasOwn(merged, key)) throw new Error(`message key defined twice: ${key}`);
      merged[key] = text;
    }
  }
  return merged;
}

export const catalogs: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': merge('zh-CN'),
  en: merge('en'),
};

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs[defaultLocale], key);
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? catalogs[defaultLocale][key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
