/** The receiver page: open a bundle, then see it checked and readable, or why it was refused. */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { Failure } from './Failure';
import { Form } from './Form';
import { t } from './i18n';
import { openForReceiver, type OpenOutcome } from './open';
import { Result } from './Result';

type State =
  | { phase: 'form'; failure?: Extract<OpenOutcome, { ok: false }> }
  | { phase: 'opening' }
  | { phase: 'opened'; outcome: Extract<OpenOutcome, { ok: true }>; at: Date };

export function App(): JSX.Element {
  const [state, setState] = useState<State>({ phase: 'form' });

  const open = async (file: File, identity: string | { passphrase: string }) => {
    setState({ phase: 'opening' });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      setState({ phase: 'form', failure: { ok: false, reason: 'internal', detail: `${t('form.readFailed')} ${(error as Error).message}` } });
      return;
    }
    const now = new Date();
    const outcome = await openForReceiver(bytes, identity, now);
    setState(outcome.ok ? { phase: 'opened', outcome, at: now } : { phase: 'form', failure: outcome });
  };

  return (
    <main>
      <h1>{t('page.title')}</h1>
      <p class="intro">{t('page.intro')}</p>
      {state.phase === 'opened' ? (
        <Result opened={state.outcome} now={state.at} onAnother={() => setState({ phase: 'form' })} />
      ) : (
        <>
          {state.phase === 'form' && state.failure && (
            <Failure reason={state.failure.reason} detail={state.failure.detail} verifiedFiles={state.failure.verifiedFiles} />
          )}
          <Form busy={state.phase === 'opening'} onOpen={(file, identity) => void open(file, identity)} />
        </>
      )}
    </main>
  );
}
