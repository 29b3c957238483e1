// Scenario files dropped anywhere on a window: which drags carry files, and whether a file can be a scenario.
import { MAX_SCENARIO_BYTES, MAX_SCENARIO_CHARS } from '../../main/api/vocabulary';

/**
 * Why a file cannot be a scenario, in words, or null when it may be one. The size is only known in
 * bytes here: a file past the hosts' byte limit is refused unread, as the hosts refuse it; one within
 * it may still have too many characters, which the API then says.
 */
export function checkScenarioFile(file: { name: string; size: number }): string | null {
  if (!/\.ya?ml$/i.test(file.name)) return 'not a scenario file: choose a .yaml or .yml file';
  if (file.size > MAX_SCENARIO_BYTES) return `too large for a scenario (${Math.ceil(file.size / 1024)} KB; at most ${MAX_SCENARIO_BYTES / 1000} KB)`;
  return null;
}

/** Once read: too many characters for a scenario (the hosts' own words), or null. */
export function checkScenarioText(text: string): string | null {
  return text.length > MAX_SCENARIO_CHARS ? `too large for a scenario: the limit is ${MAX_SCENARIO_CHARS.toLocaleString('en')} characters` : null;
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

interface DropHandlers {
  /** A drag with files entered (true) or left (false) the window. */
  dragging(over: boolean): void;
  dropped(file: File): void;
}

/** Listens on `target` for files dragged in and dropped; returns the teardown. */
export function watchDrops(target: Window, handlers: DropHandlers): () => void {
  // dragenter/dragleave fire for every child crossed; counting them tells when the drag really left.
  let depth = 0;
  const enter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    if (depth++ === 0) handlers.dragging(true);
  };
  const leave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    if (--depth <= 0) {
      depth = 0;
      handlers.dragging(false);
    }
  };
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Without this the browser opens the file itself instead of letting the page have it.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const drop = (event: DragEvent) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    depth = 0;
    handlers.dragging(false);
    handlers.dropped(file);
  };
  target.addEventListener('dragenter', enter);
  target.addEventListener('dragleave', leave);
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragenter', enter);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}
