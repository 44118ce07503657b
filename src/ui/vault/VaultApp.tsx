/**
 * The vault page: which screen to show follows the vault's state (no vault → create, locked →
 * unlock, unlocked → main), and follows the background's broadcasts (auto-lock, unlock from
 * the popup). The page's address is left alone while locked, so an unlock (or a reload and an
 * unlock) opens the screen it names.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import { watchActivity } from '../activity';
import { errorMessage } from '../errors';
import { t } from '../i18n/index';
import { formatRoute } from '../routing/route';
import { requestPersistentStorage, type Persistence } from '../storage-persistence';
import { AlertLine, Busy } from '../components/Messages';
import { CreateScreen } from './CreateScreen';
import { ForgotScreen } from './ForgotScreen';
import { MainScreen } from './MainScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { RestoreScreen } from './RestoreForm';
import { UnlockScreen } from './UnlockScreen';

type Screen =
  | { name: 'loading' }
  | { name: 'failed'; message: string }
  | { name: 'create' }
  | { name: 'restore' }
  | { name: 'recovery-key'; recoveryKey: string }
  | { name: 'unlock' }
  | { name: 'forgot' }
  | { name: 'main'; generation: number };

export function VaultApp() {
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  const screenRef = useRef(screen);
  screenRef.current = screen;

  const enterMain = (fresh = false) => {
    void requestPersistentStorage().then(setPersistence);
    // A restored vault is another vault: its screens start afresh, not at the old address.
    if (fresh) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    setScreen((s) => (s.name === 'main' && !fresh ? s : { name: 'main', generation: s.name === 'main' ? s.generation + 1 : 0 }));
  };

  const route = async () => {
    try {
      const { state } = await callVault('status', {});
      if (state === 'no-vault') setScreen({ name: 'create' });
      else if (state === 'locked') setScreen({ name: 'unlock' });
      else enterMain();
    } catch (caught) {
      setScreen({ name: 'failed', message: errorMessage(caught) });
    }
  };

  useEffect(() => {
    void route();
    const stopWatching = watchActivity();
    const stopListening = onVaultEvent((event) => {
      if (event.type !== 'state') return;
      const current = screenRef.current.name;
      // Creating or restoring must finish on its own screen, whatever the background announces.
      if (current === 'create' || current === 'restore' || current === 'recovery-key') return;
      if (event.state === 'locked') setScreen({ name: 'unlock' });
      if (event.state === 'unlocked' && (current === 'unlock' || current === 'forgot' || current === 'loading')) enterMain();
    });
    return () => {
      stopWatching();
      stopListening();
    };
  }, []);

  const lock = async () => {
    try {
      await callVault('lock', {});
    } finally {
      setScreen({ name: 'unlock' });
    }
  };

  switch (screen.name) {
    case 'loading':
      return (
        <main class="narrow">
          <Busy label={t('common.working')} />
        </main>
      );
    case 'failed':
      return (
        <main class="narrow">
          <h1>{t('app.name')}</h1>
          <AlertLine>{screen.message}</AlertLine>
        </main>
      );
    case 'create':
      return (
        <CreateScreen
          onCreated={(recoveryKey) => {
            void requestPersistentStorage().then(setPersistence);
            setScreen({ name: 'recovery-key', recoveryKey });
          }}
          onRestoreInstead={() => setScreen({ name: 'restore' })}
        />
      );
    case 'restore':
      return <RestoreScreen onRestored={() => enterMain(true)} onBack={() => setScreen({ name: 'create' })} />;
    case 'recovery-key':
      return (
        <RecoveryKeyScreen
          recoveryKey={screen.recoveryKey}
          onDone={() => {
            // A new vault opens on the overview and its first steps.
            history.replaceState(history.state, '', formatRoute({ section: 'overview', profileId: null, overview: { view: 'now' } }));
            void route();
          }}
        />
      );
    case 'unlock':
      return <UnlockScreen onUnlocked={() => enterMain()} onForgot={() => setScreen({ name: 'forgot' })} />;
    case 'forgot':
      return <ForgotScreen onUnlocked={() => enterMain()} onBack={() => setScreen({ name: 'unlock' })} />;
    case 'main':
      return <MainScreen key={screen.generation} persistence={persistence} onLock={() => void lock()} onRestored={() => enterMain(true)} />;
  }
}
