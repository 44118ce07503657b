/**
 * The wizard's state: the step it shows, the citizen's choice, why it could not go on, and what
 * the vault answered (the preview to approve, the bundle made). One reducer moves it, so a step
 * change always clears the last refusal.
 */
import type { SharePreview, SharingApiResults } from '../../../messaging/sharing-api';
import { newChoice, STEPS, type Problem, type ShareChoice, type Step } from './choice';

export type CreatedShare = Pick<SharingApiResults['shareCreate'], 'grantId' | 'fileName' | 'transferId' | 'chunkCount'>;

export interface WizardState {
  readonly step: Step;
  readonly choice: ShareChoice;
  readonly problem: Problem | null;
  readonly preview: SharePreview | null;
  readonly created: CreatedShare | null;
}

export type WizardAction =
  | { type: 'change'; change: (choice: ShareChoice) => ShareChoice }
  | { type: 'go'; step: Step }
  | { type: 'refuse'; problem: Problem }
  | { type: 'previewed'; preview: SharePreview }
  | { type: 'created'; created: CreatedShare };

/** How a step changes the choice: with one of the pure transitions of ./choice. */
export type Change = (change: (choice: ShareChoice) => ShareChoice) => void;

/** The steps the citizen counts ("Trin 3 af 5"); the last one is the result, not a step. */
export const COUNTED_STEPS = STEPS.length - 1;

export const stepNumber = (step: Step): number => Math.min(STEPS.indexOf(step) + 1, COUNTED_STEPS);
export const stepAfter = (step: Step): Step => STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
export const stepBefore = (step: Step): Step => STEPS[Math.max(STEPS.indexOf(step) - 1, 0)]!;

export function startWizard(recipients: readonly { id: string }[], today: string): WizardState {
  return { step: 'recipient', choice: newChoice(recipients, today), problem: null, preview: null, created: null };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'change':
      return { ...state, choice: action.change(state.choice) };
    case 'go':
      return { ...state, step: action.step, problem: null };
    case 'refuse':
      return { ...state, problem: action.problem };
    case 'previewed':
      return { ...state, preview: action.preview, step: 'approve', problem: null };
    case 'created':
      return { ...state, created: action.created, step: 'done', problem: null };
  }
}
