// The JSON API (README, API). Every write carries the CSRF header the server asks of cookie writes.
// The admin token is only ever sent once, to POST /api/session; the page never keeps it.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code || 'error';
  }
}

export const CSRF_HEADER = 'X-YTV2-CSRF';

const enc = encodeURIComponent;

export function createApi(fetchImpl = (...args) => globalThis.fetch(...args)) {
  async function request(method, path, body, { signal } = {}) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin', signal };
    if (method !== 'GET') headers[CSRF_HEADER] = '1';
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetchImpl(path, init);
    } catch (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection.');
    }
    if (res.status === 204) return null;
    const text = await res.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = null; }
    }
    if (!res.ok) {
      const message = data && typeof data.message === 'string' ? data.message : defaultMessage(res.status);
      throw new ApiError(res.status, data && typeof data.error === 'string' ? data.error : 'http_' + res.status, message);
    }
    return data;
  }

  const post = (path, body) => request('POST', path, body);

  return {
    request,
    listReports: (query, opts) => request('GET', `/api/reports?${query}`, undefined, opts),
    getReport: (id, opts) => request('GET', `/api/reports/${enc(id)}`, undefined, opts),
    getFilters: (query, opts) => request('GET', `/api/filters?${query}`, undefined, opts),

    getSession: () => request('GET', '/api/session'),
    signIn: (token) => post('/api/session', { token }),
    signOut: () => request('DELETE', '/api/session'),

    setImagePrompt: (videoId, prompt, mode) => post('/api/set-image-prompt', { video_id: videoId, prompt, mode }),
    selectImageVariant: (videoId, url, mode) => post('/api/select-image-variant', { video_id: videoId, url, mode }),
    setImageDisplayMode: (videoId, mode) => post('/api/set-image-display-mode', { video_id: videoId, mode }),
    deleteImageVariant: (videoId, url) => post('/api/delete-image-variant', { video_id: videoId, url }),
    restoreImageVariant: (videoId, url) => post('/api/restore-image-variant', { video_id: videoId, url }),
    starImageVariant: (videoId, url, starred) => post('/api/star-image-variant', { video_id: videoId, url, starred }),
    deleteAllAiImages: (videoId, modes) => post('/api/delete-all-ai-images', { video_id: videoId, modes }),
    imageJobs: (videoId) => request('GET', `/api/image-jobs?video_id=${enc(videoId)}`),
    retryImageJob: (jobId) => post(`/api/image-jobs/${enc(jobId)}/retry`),
  };
}

function defaultMessage(status) {
  if (status === 401) return 'Please sign in.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return 'The server had a problem. Try again shortly.';
  return `Request failed (${status}).`;
}
