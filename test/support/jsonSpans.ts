// Where each member of a canonical JSON document lies, in UTF-8 bytes: lets a tamper test aim its
// byte flips at one field at a time. Serialises as RFC 8785 does for the values a snapshot holds
// (sorted keys, no whitespace, JSON.stringify for strings, numbers and literals).

export interface MemberSpan {
  /** Dotted path, array indexes as numbers: `consents.1.granted`. */
  path: string;
  /** Byte offsets of the member: from its key's opening quote (or an array element's start) to its value's end. */
  start: number;
  end: number;
}

export function canonicalSpans(value: unknown): { text: string; members: MemberSpan[] } {
  let text = '';
  let bytes = 0;
  const members: MemberSpan[] = [];
  const emit = (part: string) => {
    text += part;
    bytes += Buffer.byteLength(part, 'utf8');
  };
  const write = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      emit('[');
      node.forEach((item, index) => {
        if (index > 0) emit(',');
        const start = bytes;
        write(item, `${path}.${index}`);
        members.push({ path: `${path}.${index}`.slice(1), start, end: bytes });
      });
      emit(']');
    } else if (node !== null && typeof node === 'object') {
      emit('{');
      Object.keys(node)
        .sort()
        .forEach((key, index) => {
          if (index > 0) emit(',');
          const start = bytes;
          emit(`${JSON.stringify(key)}:`);
          write((node as Record<string, unknown>)[key], `${path}.${key}`);
          members.push({ path: `${path}.${key}`.slice(1), start, end: bytes });
        });
      emit('}');
    } else {
      emit(JSON.stringify(node));
    }
  };
  write(value, '');
  return { text, members };
}
