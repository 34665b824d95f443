/** How an entry's place on its board changed between the batch's start and its end. */
export type RankMove = 'up' | 'down' | 'unchanged' | 'entered' | 'left' | 'off-board';

/**
 * Ranks are board positions (1 = best); null means the submission was not its model's board
 * entry (private model, or another submission of the model is better).
 */
export function rankMove(oldRank: number | null, newRank: number | null): RankMove {
  if (oldRank === null && newRank === null) return 'off-board';
  if (oldRank === null) return 'entered';
  if (newRank === null) return 'left';
  if (newRank < oldRank) return 'up';
  if (newRank > oldRank) return 'down';
  return 'unchanged';
}

/** A move someone reading the board would notice. */
export function isMoved(move: RankMove): boolean {
  return move === 'up' || move === 'down' || move === 'entered' || move === 'left';
}
