/**
 * The year being reported on a given day: the last finished one (the report is due in January,
 * so in January it is the year before), or the current one from November on, when clerks start
 * preparing it. The create dialog's default and the sharing entry's "this year" both ask here.
 */
export function reportingYear(now: Date = new Date()): number {
  return now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1;
}
