// Where a person picks the files of a batch publish, and what Kitsu takes of them.
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { FILE_EXTENSIONS, MAX_UPLOAD_LABEL, MOVIE_EXTENSIONS, PICTURE_EXTENSIONS } from '../lib/publish/formats';

const ACCEPT = [...PICTURE_EXTENSIONS, ...MOVIE_EXTENSIONS, ...FILE_EXTENSIONS].map((ext) => `.${ext}`).join(',');

/** Files dropped on it, or chosen with the picker inside it (the keyboard's way). */
export function DropZone({ addFiles }: { addFiles: (list: FileList | null) => void }) {
  const [over, setOver] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the file picker below is the keyboard path.
    <div
      class={`sk-drop${over ? ' sk-drop--over' : ''}`}
      data-testid="publish-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        addFiles(event.dataTransfer?.files ?? null);
      }}
    >
      <p>{t('publishDropHere')}</p>
      <label>
        {t('publishChooseFiles')}{' '}
        <input
          type="file"
          multiple
          accept={ACCEPT}
          data-testid="publish-input"
          onChange={(event) => {
            addFiles(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </label>
    </div>
  );
}

/** What Kitsu takes, and how much one publish may upload. */
export function PublishLimits({ maxPlanGigabytes }: { maxPlanGigabytes: number }) {
  return (
    <p class="sk-muted" data-testid="publish-limits">
      {t('publishLimits', {
        pictures: PICTURE_EXTENSIONS.join(', '),
        movies: MOVIE_EXTENSIONS.join(', '),
        others: FILE_EXTENSIONS.slice(0, 6).join(', '),
        fileLimit: MAX_UPLOAD_LABEL,
        planLimit: maxPlanGigabytes,
      })}
    </p>
  );
}
