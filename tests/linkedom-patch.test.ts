import { describe, expect, it } from 'vitest';
import { DOMParser, Event } from 'linkedom';

// patches/linkedom+0.18.15.patch: a node gets its listener map when it first gets a listener, not when parsed
// (a WeakMap entry per node kept every page's DOM alive through young-generation collections). Events still work.
describe('linkedom with its listener maps made on first use', () => {
  const doc = () => new DOMParser().parseFromString('<html><body><div id="a"><p id="b">teks</p></div></body></html>', 'text/html');

  it('delivers an event to listeners on the target and, when it bubbles, on its ancestors', () => {
    const d = doc();
    const seen: string[] = [];
    d.getElementById('a')!.addEventListener('ping', (e: Event) => seen.push(`a:${(e.target as Element).id}`));
    d.getElementById('b')!.addEventListener('ping', () => seen.push('b'));
    d.getElementById('b')!.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(seen).toEqual(['b', 'a:b']);
  });

  it('stops calling a removed listener, and removing from a node that never had one is harmless', () => {
    const d = doc();
    const p = d.getElementById('b')!;
    let calls = 0;
    const listener = () => void calls++;
    p.addEventListener('ping', listener);
    p.dispatchEvent(new Event('ping'));
    p.removeEventListener('ping', listener);
    p.dispatchEvent(new Event('ping'));
    expect(calls).toBe(1);
    expect(() => d.getElementById('a')!.removeEventListener('ping', listener)).not.toThrow();
    expect(d.getElementById('a')!.dispatchEvent(new Event('ping'))).toBe(true);
  });
});
