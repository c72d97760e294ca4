/** The last item of a list that shows only the first of many: how many it leaves out. */
export function MoreItems({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <li class="muted">… and {total - shown} more</li> : null;
}
