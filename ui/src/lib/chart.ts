// The arithmetic the hours-per-week bar charts share (a signal's recent weeks, a volunteer's year):
// a round scale up from 0 that holds the largest week and the agreement, the y of an hour count,
// and how a week's bar is drawn. The SVG itself stays in each chart.

/** Grid values from 0 up in a round step, at most five steps, the last at or above `largest`. */
export function roundTicks(largest: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => largest / s <= 5) ?? Math.ceil(largest / 5);
  const top = Math.ceil(largest / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** The scale of a week-hours chart: never under one hour, always room for the agreed hours. */
export function hoursTicks(weekMinutes: number[], agreedMinutesPerWeek: number): number[] {
  return roundTicks(Math.max(1, agreedMinutesPerWeek / 60, ...weekMinutes.map((m) => m / 60)));
}

/** Maps 0..`top` onto the pixels from `bottom` (the axis) up to `top` px; SVG's y grows downwards. */
export function verticalScale(top: number, bottomPx: number, topPx: number): (value: number) => number {
  return (value) => bottomPx - (value / top) * (bottomPx - topPx);
}

/** A week's bar: marked when over the agreement, lighter for the week still running. */
export function weekBarClass(minutes: number, agreedMinutesPerWeek: number, current: boolean): string {
  const classes = ['chart-bar'];
  if (agreedMinutesPerWeek > 0 && minutes > agreedMinutesPerWeek) classes.push('chart-bar-over');
  if (current) classes.push('chart-bar-current');
  return classes.join(' ');
}
