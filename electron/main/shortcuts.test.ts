import { describe, expect, it } from 'vitest';
import { lockedShortcut, type KeyInput } from './shortcuts';

function press(key: string, modifiers: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput {
  return { type: 'keyDown', key, code: '', control: false, meta: false, alt: false, shift: false, ...modifiers };
}

describe('lockedShortcut', () => {
  it.each([
    ['F5', press('F5')],
    ['Shift+F5', press('F5', { shift: true })],
    ['Ctrl+F5', press('F5', { control: true })],
    ['Ctrl+R', press('r', { control: true })],
    ['Ctrl+Shift+R', press('R', { control: true, shift: true })],
    ['Cmd+R', press('r', { meta: true })],
    ['the browser refresh key', press('BrowserRefresh')],
  ])('swallows reload: %s', (_name, input) => {
    expect(lockedShortcut(input)).toBe('reload');
  });

  it.each([
    ['F12', press('F12')],
    ['Ctrl+Shift+I', press('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', press('J', { control: true, shift: true })],
    ['Ctrl+Shift+C', press('C', { control: true, shift: true })],
    ['Cmd+Alt+I', press('i', { meta: true, alt: true })],
  ])('swallows developer tools: %s', (_name, input) => {
    expect(lockedShortcut(input)).toBe('devtools');
  });

  it.each([
    ['Ctrl+=', press('=', { control: true, code: 'Equal' })],
    ['Ctrl+Shift+= (Ctrl++)', press('+', { control: true, shift: true, code: 'Equal' })],
    ['Ctrl+-', press('-', { control: true, code: 'Minus' })],
    ['Ctrl+0', press('0', { control: true, code: 'Digit0' })],
    ['Ctrl+numpad +', press('+', { control: true, code: 'NumpadAdd' })],
    ['Ctrl+numpad -', press('-', { control: true, code: 'NumpadSubtract' })],
    ['Cmd+=', press('=', { meta: true, code: 'Equal' })],
    ['Ctrl+= on a layout where that key types something else', press('ß', { control: true, code: 'Minus' })],
  ])('swallows zoom: %s', (_name, input) => {
    expect(lockedShortcut(input)).toBe('zoom');
  });

  it.each([
    ['typing r', press('r')],
    ['typing R', press('R', { shift: true })],
    ['typing i, j, c', press('i')],
    ['typing digits', press('0', { code: 'Digit0' })],
    ['typing -', press('-', { code: 'Minus' })],
    ['typing + on the numpad', press('+', { code: 'NumpadAdd' })],
    ['copy (Ctrl+C)', press('c', { control: true })],
    ['paste (Ctrl+V)', press('v', { control: true })],
    ['select all (Ctrl+A)', press('a', { control: true })],
    ['Tab', press('Tab')],
    ['Enter', press('Enter')],
    ['AltGr+R on a layout that types with it', press('r', { control: true, alt: true })],
    ['AltGr+0 typing } on a German layout', press('}', { control: true, alt: true, code: 'Digit0' })],
  ])('lets %s through', (_name, input) => {
    expect(lockedShortcut(input)).toBeNull();
  });

  it('decides on key down only, so key up of a swallowed key is not a second decision', () => {
    expect(lockedShortcut({ ...press('F5'), type: 'keyUp' })).toBeNull();
    expect(lockedShortcut({ ...press('F5'), type: 'rawKeyDown' })).toBe('reload');
  });
});
