import { render } from 'preact';
import { callVault } from '../../src/messaging/client';
import { derivePassphraseKey } from '../../src/ui/passphrase-key';
import { newKdfParams } from '../../src/vault/crypto/kdf';

function App() {
  return (
    <button
      onClick={async () => {
        const kdf = newKdfParams();
        const kek = await derivePassphraseKey('test', kdf);
        const r = await callVault('create', { kdf, kek, owner: { name: 'X' } });
        document.title = r.recoveryKey;
      }}
    >
      go
    </button>
  );
}
render(<App />, document.getElementById('app')!);
