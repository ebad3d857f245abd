// The page's service worker: after the first visit every file of this build is in the cache, so
// the page opens and lints with no network at all. It answers only requests for its own origin's
// files and never sends anything. The build fills in the cache name and the file list.
const CACHE = __SOPLINT_CACHE__
const FILES = __SOPLINT_FILES__

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('soplint-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, {ignoreSearch: true}).then((hit) => hit ?? fetch(request).then((response) => {
        if (response.ok) cache.put(request, response.clone())
        return response
      }))
    )
  )
})
