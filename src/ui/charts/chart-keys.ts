/**
 * The chart slider's keys (WAI-ARIA slider pattern): arrows step one frame (ten with Shift), Page Up/Down a
 * tenth of the run, Home and End to the ends. The frames to move by, or undefined for a key the chart leaves.
 */
export function keyMove(key: string, shift: boolean, count: number): number | undefined {
  const big = Math.max(1, Math.round(count / 10));
  const by = shift ? 10 : 1;
  const moves: Record<string, number> = {
    ArrowLeft: -by,
    ArrowDown: -by,
    ArrowRight: by,
    ArrowUp: by,
    PageDown: -big,
    PageUp: big,
    Home: -count,
    End: count,
  };
  return moves[key];
}
