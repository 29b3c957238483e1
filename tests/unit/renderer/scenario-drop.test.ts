// Scenario files dropped on a window: which files may be scenarios, and the drag's enter/leave/drop as the window sees them.
import { describe, expect, it } from 'vitest';
import { checkScenarioFile, watchDrops } from '../../../renderer/lib/scenario-drop.js';

/** A drag event as the browser sends it: its types, and the files once dropped. */
function drag(type: string, types: string[], files: File[] = []) {
  const dataTransfer = { types, files, dropEffect: 'none' };
  return Object.assign(new Event(type, { cancelable: true }), { dataTransfer });
}

function watched() {
  const target = new EventTarget();
  const seen: (boolean | string)[] = [];
  const stop = watchDrops(target as unknown as Window, { dragging: (over) => seen.push(over), dropped: (file) => seen.push(file.name) });
  return { target, seen, stop };
}

describe('checkScenarioFile', () => {
  it('takes .yaml and .yml files of a scenario\'s size, not other files nor huge ones', () => {
    expect(checkScenarioFile({ name: 'a.yaml', size: 10_000 })).toBeNull();
    expect(checkScenarioFile({ name: 'B.YML', size: 10_000 })).toBeNull();
    expect(checkScenarioFile({ name: 'a.json', size: 10 })).toBeTruthy();
    expect(checkScenarioFile({ name: 'a.yaml', size: 50_000_000 })).toBeTruthy();
  });
});

describe('watchDrops', () => {
  it('says a file drag is over the window once, however many children it crosses, until it really leaves', () => {
    const { target, seen } = watched();
    target.dispatchEvent(drag('dragenter', ['Files']));
    target.dispatchEvent(drag('dragenter', ['Files']));
    target.dispatchEvent(drag('dragleave', ['Files']));
    expect(seen).toEqual([true]);
    target.dispatchEvent(drag('dragleave', ['Files']));
    expect(seen).toEqual([true, false]);
    // More leaves than enters (a drag that began outside) stay at "not over".
    target.dispatchEvent(drag('dragleave', ['Files']));
    target.dispatchEvent(drag('dragenter', ['Files']));
    expect(seen).toEqual([true, false, false, true]);
  });

  it('lets the page take a dragged file (copy), and ignores drags of anything else', () => {
    const { target, seen } = watched();
    const text = drag('dragover', ['text/plain']);
    target.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);
    target.dispatchEvent(drag('dragenter', ['text/plain']));
    target.dispatchEvent(drag('dragleave', ['text/plain']));
    expect(seen).toEqual([]);
    const over = drag('dragover', ['Files']);
    target.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(over.dataTransfer.dropEffect).toBe('copy');
  });

  it('hands over the dropped file and ends the drag; a drop without a file is left alone; teardown stops listening', () => {
    const { target, seen, stop } = watched();
    target.dispatchEvent(drag('dragenter', ['Files']));
    const drop = drag('drop', ['Files'], [new File(['name: x'], 'mine.yaml')]);
    target.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(seen).toEqual([true, false, 'mine.yaml']);
    const empty = drag('drop', ['Files']);
    target.dispatchEvent(empty);
    expect(empty.defaultPrevented).toBe(false);
    stop();
    target.dispatchEvent(drag('dragenter', ['Files']));
    target.dispatchEvent(drag('drop', ['Files'], [new File([''], 'b.yaml')]));
    expect(seen).toEqual([true, false, 'mine.yaml']);
  });
});
