/** Direction of a position or an order. */
export type Side = 'long' | 'short';

/** +1 for long, −1 for short: the `side` factor of mechanics §1 notation. */
export function sideSign(side: Side): 1 | -1 {
  return side === 'long' ? 1 : -1;
}

export function oppositeSide(side: Side): Side {
  return side === 'long' ? 'short' : 'long';
}
