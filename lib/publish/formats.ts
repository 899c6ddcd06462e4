// What Kitsu takes as a preview (zou 1.0.97 blueprints/previews/resources.py
// ALLOWED_*_EXTENSION), and the size Kitsu's nginx accepts in one request.

import { t } from '../i18n/pure';

export const PICTURE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'jpe'] as const;
/** zou converts movies with ffmpeg on the server. */
export const MOVIE_EXTENSIONS = ['mp4', 'mov', 'mkv', 'webm', 'avi', 'm4v', 'wmv'] as const;
/** Stored as they are, shown as a download in Kitsu. */
export const FILE_EXTENSIONS = [
  'pdf',
  'gif',
  'svg',
  'psd',
  'psb',
  'exr',
  'kra',
  'blend',
  'fbx',
  'glb',
  'gltf',
  'obj',
  'ma',
  'mb',
  'hip',
  'ae',
  'ai',
  'clip',
  'comp',
  'diff',
  'fla',
  'flv',
  'md',
  'mp3',
  'rar',
  'rev',
  'riv',
  'sai',
  'sai2',
  'sbbkp',
  'swf',
  'tvpp',
  'wav',
  'zip',
] as const;

/** Kitsu's nginx (client_max_body_size 1G). A studio's own proxy may allow less. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;
export const MAX_UPLOAD_LABEL = '1 GB';

export type PreviewFormat = 'picture' | 'movie' | 'file' | 'refused';

export function previewFormat(extension: string): PreviewFormat {
  const lower = extension.toLowerCase();
  if ((PICTURE_EXTENSIONS as readonly string[]).includes(lower)) return 'picture';
  if ((MOVIE_EXTENSIONS as readonly string[]).includes(lower)) return 'movie';
  if ((FILE_EXTENSIONS as readonly string[]).includes(lower)) return 'file';
  return 'refused';
}

/** Why a file cannot be published, or null. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '') : '';
  if (previewFormat(extension) === 'refused') {
    return extension ? t('refusalFileFormat', { extension: extension.toLowerCase() }) : t('refusalFileNoExtension');
  }
  if (file.size === 0) return t('refusalFileEmpty');
  if (file.size > MAX_UPLOAD_BYTES) return t('refusalFileTooLarge', { limit: MAX_UPLOAD_LABEL });
  return null;
}
