import { NO_SLOTS, placeOf, slotsAfter, type MountedSlots } from './statusPlaces';

describe('which slots are mounted', () => {
  it('counts each origin: a second slot of the same origin unmounting leaves the first in place', () => {
    let mounted: MountedSlots = NO_SLOTS;
    mounted = slotsAfter(mounted, 'pairing', 1);
    mounted = slotsAfter(mounted, 'pairing', 1);
    mounted = slotsAfter(mounted, 'pairing', -1);
    expect(placeOf('pairing', mounted)).toBe('pairing');
    mounted = slotsAfter(mounted, 'pairing', -1);
    expect(placeOf('pairing', mounted)).toBeNull();
    expect(mounted.size).toBe(0);
  });

  it('never leaves a negative count behind (an unmount without its mount changes nothing)', () => {
    const mounted = slotsAfter(NO_SLOTS, 'report', -1);
    expect(mounted).toBe(NO_SLOTS);
    expect(placeOf('report', slotsAfter(mounted, 'report', 1))).toBe('report');
  });

  it('does not change the map it was given (React state)', () => {
    const before = slotsAfter(NO_SLOTS, 'today', 1);
    slotsAfter(before, 'today-entry', 1);
    slotsAfter(before, 'today', -1);
    expect([...before]).toEqual([['today', 1]]);
  });
});

describe('where progress and a notice are drawn', () => {
  const mounted = slotsAfter(slotsAfter(NO_SLOTS, 'pairing', 1), 'undo', 1);

  it('beside the control that started the operation while its slot is mounted', () => {
    expect(placeOf('pairing', mounted)).toBe('pairing');
    expect(placeOf('undo', mounted)).toBe('undo');
  });

  it('at the top when the operation had no on-screen origin (the check on open) or its view was left', () => {
    expect(placeOf(null, mounted)).toBeNull();
    expect(placeOf(undefined, mounted)).toBeNull();
    expect(placeOf('summary-export', mounted)).toBeNull();
  });
});
