// Comments of a task and the comment form (cgwire/kitsu `src/components/widgets/Comment.vue`, `AddComment.vue`).
import { api, apiPost } from './api.js';
import { avatar, h, statusTag } from './dom.js';

function comment(commentData, statuses) {
  const status = commentData.task_status ?? statuses.get(commentData.task_status_id);
  return h(
    'article.comment',
    {},
    h(
      'div.comment-header',
      {},
      avatar(commentData.person),
      h('span.person-name', {}, commentData.person?.full_name ?? ''),
      statusTag(status),
      h('span.comment-date', {}, String(commentData.created_at ?? '').replace('T', ' ')),
    ),
    h('div.comment-text', {}, commentData.text ?? ''),
  );
}

export async function commentsBlock(taskId, statuses) {
  const comments = await api(`/data/tasks/${taskId}/comments`);
  if (!comments.length) return h('div.comments', {}, h('p.no-comment', {}, 'No comment yet.'));
  return h(
    'div.comments',
    {},
    comments.map((c) => comment(c, statuses)),
  );
}

/**
 * The comment form: text, status, and Post at its bottom right. Posting is a person's explicit click,
 * sent like Kitsu does (POST /actions/tasks/:id/comment); `onPosted` refreshes the list.
 */
export function addCommentForm(task, statuses, onPosted) {
  const text = h('textarea.comment-textarea', { rows: 3, placeholder: 'Add a comment...', 'aria-label': 'Comment' });
  const status = h(
    'select.status-select',
    { 'aria-label': 'Status' },
    [...statuses.values()].map((s) => h('option', { value: s.id }, s.short_name)),
  );
  status.value = task.task_status_id;
  const error = h('p.error', { hidden: true });
  const post = h('button.button.is-primary.post-comment', { type: 'submit' }, 'Post');
  const form = h('form.add-comment', {}, text, h('div.add-comment-actions', {}, status, post), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!text.value.trim()) return;
    post.disabled = true;
    error.hidden = true;
    try {
      await apiPost(`/actions/tasks/${task.id}/comment`, { task_status_id: status.value, comment: text.value });
      text.value = '';
      await onPosted();
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    } finally {
      post.disabled = false;
    }
  });
  return form;
}
