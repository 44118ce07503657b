/** The people whose data the vault holds: add, rename, delete (never the last one). */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { SelectField, TextField } from '../components/Field';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';
import { profileLabel, relationLabel, relationOf, RELATIONS, type Profile, type Relation } from '../profiles';

function ProfileForm(props: {
  heading: string;
  initial: { name: string; relation: Relation };
  onSave: (data: { name: string; relation: Relation }) => Promise<void>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(props.initial.name);
  const [relation, setRelation] = useState<Relation>(props.initial.relation);
  const [nameError, setNameError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === '') return setNameError(t('profiles.nameMissing'));
    setNameError(null);
    await props.onSave({ name: name.trim(), relation });
    if (!props.onCancel) setName('');
  };
  return (
    <form autocomplete="off" class="profile-form" onSubmit={submit} noValidate aria-label={props.heading}>
      <h3>{props.heading}</h3>
      <TextField label={t('profiles.name')} value={name} onInput={setName} error={nameError} />
      <SelectField
        label={t('relation.label')}
        value={relation}
        options={RELATIONS.map((r) => ({ value: r, label: relationLabel(r) }))}
        onChange={setRelation}
      />
      <div class="actions">
        <button type="submit" class="primary">
          {props.onCancel ? t('common.save') : t('profiles.add')}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function ProfilesSection(props: {
  profiles: Profile[];
  currentId: string;
  onSelect: (id: string) => void;
  onChanged: (selectId?: string) => Promise<void>;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const action = useAction();
  const isLast = props.profiles.length <= 1;

  const save = async (id: string | undefined, data: { name: string; relation: Relation }) => {
    const saved = await action.run(t('common.working'), () => callVault('saveProfile', { ...(id ? { id } : {}), data }), t('profiles.saved'));
    if (saved) {
      setRenaming(null);
      await props.onChanged();
    }
  };

  const remove = async (profile: Profile) => {
    setDeleting(null);
    const ok = await action.run(
      t('common.working'),
      async () => {
        await callVault('deleteProfile', { id: profile.id });
        return true;
      },
      t('profiles.deleted', { name: profile.data.name }),
    );
    if (ok) await props.onChanged();
  };

  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('profiles.title')}
      </h2>
      <p>{t('profiles.intro')}</p>
      <ul class="cards">
        {props.profiles.map((profile) => (
          <li key={profile.id}>
            {renaming === profile.id ? (
              <ProfileForm
                heading={t('profiles.renameTitle', { name: profile.data.name })}
                initial={{ name: profile.data.name, relation: relationOf(profile) }}
                onSave={(data) => save(profile.id, data)}
                onCancel={() => setRenaming(null)}
              />
            ) : (
              <article aria-labelledby={`profile-${profile.id}`}>
                <h3 id={`profile-${profile.id}`}>{profileLabel(profile)}</h3>
                {profile.id === props.currentId && <p class="meta">{t('profiles.current')}</p>}
                <div class="actions">
                  {profile.id !== props.currentId && (
                    <button type="button" onClick={() => props.onSelect(profile.id)}>
                      {t('profiles.show', { name: profile.data.name })}
                    </button>
                  )}
                  <button type="button" aria-describedby={`profile-${profile.id}`} onClick={() => setRenaming(profile.id)}>
                    {t('profiles.rename')}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-describedby={isLast ? `profile-last-hint` : `profile-${profile.id}`}
                    disabled={isLast}
                    onClick={() => setDeleting(profile)}
                  >
                    {t('common.delete')}
                  </button>
                </div>
              </article>
            )}
          </li>
        ))}
      </ul>
      {isLast && (
        <p class="hint" id="profile-last-hint">
          {t('profiles.lastOne')}
        </p>
      )}
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      <ProfileForm heading={t('profiles.add')} initial={{ name: '', relation: 'child' }} onSave={(data) => save(undefined, data)} />
      {deleting && (
        <ConfirmDialog
          message={t('profiles.deleteConfirm', { name: deleting.data.name })}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </>
  );
}
