// Everything a learner can do that changes their saved state. Components dispatch these; the reducer applies them.
import type { PlayedRange } from '../logic/watched-ranges.ts';

export type PlayerAction =
  | { type: 'go-to'; screenId: string }
  | { type: 'scenario-choose'; screenId: string; choiceId: string; latencyMs: number }
  | { type: 'scenario-restart'; screenId: string }
  /** A knowledge-check or film question answered (one attempt). */
  | { type: 'answer'; questionId: string; optionIds: string[]; latencyMs: number }
  /** Start the next attempt at a knowledge check whose attempt fell below the pass mark: new questions are drawn. */
  | { type: 'retake-check'; screenId: string }
  | { type: 'reflect'; promptId: string; text: string }
  | { type: 'rate-confidence'; phase: 'before' | 'after'; itemId: string; rating: number; latencyMs: number }
  /** The film's played ranges and position; `watched` when the controller found the threshold met. */
  | { type: 'film-progress'; screenId: string; position: number; played: readonly PlayedRange[]; watched: boolean };
