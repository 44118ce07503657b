import './vault.css';
import { mountPage } from '../../src/ui/mount';
import { VaultApp } from '../../src/ui/vault/VaultApp';

mountPage(VaultApp);
