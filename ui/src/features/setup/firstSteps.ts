// Whether the start screen shows "Eerste stappen": a preference of this window, kept in
// localStorage. Starting empty at the first start opens the list; "Verbergen" hides it for good,
// and so does having done every step. Nothing here is data: losing it only shows or hides a list.

const KEY = 'draagkracht.firstSteps';

type FirstSteps = 'open' | 'hidden' | 'done';

function read(): FirstSteps | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'open' || value === 'hidden' || value === 'done' ? value : null;
  } catch {
    return null;
  }
}

function write(value: FirstSteps): void {
  try {
    localStorage.setItem(KEY, value);
  } catch {
    // No storage (a locked-down webview): the list is then simply not remembered.
  }
}

/** After "Leeg beginnen": the start screen shows the first steps. */
export function openFirstSteps(): void {
  write('open');
}

/** True while the first steps are to be shown: opened, and neither hidden nor all done. */
export function firstStepsOpen(): boolean {
  return read() === 'open';
}

/** "Verbergen": the list stays away. */
export function hideFirstSteps(): void {
  write('hidden');
}

/** Every step done: the list goes away by itself. */
export function finishFirstSteps(): void {
  write('done');
}
