/** Whether the overview should be the landing section: once a municipality is connected. */
import { callVault } from '../../messaging/client';

export async function hasMunicipalConnection(profileId: string): Promise<boolean> {
  try {
    return (await callVault('municipalConnections', { profileId })).length > 0;
  } catch {
    // Without the connector (or while locking), the vault opens on its usual section.
    return false;
  }
}
